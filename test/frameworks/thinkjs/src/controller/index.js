// Home: a visit count in the session (this.session(name, value), as ThinkJS's session documentation shows).
module.exports = class extends think.Controller {
  async indexAction() {
    const visits = ((await this.session('visits')) || 0) + 1;
    await this.session('visits', visits);
    const user = await this.session('user');
    this.ctx.type = 'text/html';
    this.body = `<p>Hello ${user || 'anon'} visits=${visits}</p><a id=logout href=/logout>Log out</a>`;
  }
};
