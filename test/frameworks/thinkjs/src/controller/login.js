// The login form and its POST (alice / secret): the user written into the session (think-session has no call that
// changes the session's ID).
const form = (error = '') =>
  '<form method=post action=/login><input name=username><input type=password name=password>' +
  `<button>Sign in</button></form>${error}`;

module.exports = class extends think.Controller {
  async indexAction() {
    this.ctx.type = 'text/html';
    if (!this.isPost) {
      this.body = form();
      return;
    }
    if (this.post('username') !== 'alice' || this.post('password') !== 'secret') {
      this.body = form('bad');
      return;
    }
    await this.session('user', 'alice');
    this.redirect('/');
  }
};
