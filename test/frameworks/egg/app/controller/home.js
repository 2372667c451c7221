// Egg's default session (egg-session: koa-session's cookie store, the session encrypted into EGG_SESS) as Egg's
// session documentation shows: the login sets ctx.session.user, the logout sets ctx.session = null. The form carries
// egg-security's CSRF token (`_csrf`, its `csrfToken` cookie), which Egg checks on every POST by default.
const { Controller } = require('egg');

const form = (ctx, error = '') =>
  '<form method=post action=/login>' +
  `<input type=hidden name=_csrf value="${ctx.csrf}">` +
  '<input name=username><input type=password name=password><button>Sign in</button></form>' +
  error;

class HomeController extends Controller {
  async index() {
    const { ctx } = this;
    ctx.session.visits = (ctx.session.visits || 0) + 1;
    ctx.type = 'html';
    ctx.body = `<p>Hello ${ctx.session.user || 'anon'} visits=${ctx.session.visits}</p><a id=logout href=/logout>Log out</a>`;
  }

  async loginForm() {
    this.ctx.type = 'html';
    this.ctx.body = form(this.ctx);
  }

  async login() {
    const { ctx } = this;
    const { username, password } = ctx.request.body;
    if (username !== 'alice' || password !== 'secret') {
      ctx.type = 'html';
      ctx.body = form(ctx, 'bad');
      return;
    }
    ctx.session.user = username;
    ctx.redirect('/');
  }

  async logout() {
    this.ctx.session = null;
    this.ctx.redirect('/');
  }
}

module.exports = HomeController;
