// The logout: this.session(null), which deletes the session (its file) as ThinkJS's documentation shows.
module.exports = class extends think.Controller {
  async indexAction() {
    await this.session(null);
    this.redirect('/');
  }
};
