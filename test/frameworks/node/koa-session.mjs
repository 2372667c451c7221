// koa-session's default cookie store: the session as base64 JSON, signed in a second cookie (`koa.sess.sig`).
import Koa from 'koa';
import session from 'koa-session';
import { form, home, port } from './pages.mjs';

const app = new Koa();
app.keys = ['a signing key'];
// KOA_SESSION_MAX_AGE=<ms>: koa-session's `maxAge` (its default one day), the cookies' Expires set again wherever the
// session changes (home counts visits).
const maxAge = process.env.KOA_SESSION_MAX_AGE;
app.use(session(maxAge ? { maxAge: Number(maxAge) } : {}, app));
app.use(async (ctx) => {
  ctx.type = 'html';
  if (ctx.path === '/' && ctx.method === 'GET') {
    ctx.session.visits = (ctx.session.visits ?? 0) + 1;
    ctx.body = home(ctx.session.user, ctx.session.visits);
  } else if (ctx.path === '/login' && ctx.method === 'GET') {
    ctx.body = form();
  } else if (ctx.path === '/login' && ctx.method === 'POST') {
    let text = '';
    for await (const chunk of ctx.req) text += chunk;
    const fields = new URLSearchParams(text);
    if (fields.get('password') !== 'secret') {
      ctx.body = form('bad');
      return;
    }
    ctx.session = { user: fields.get('username') };
    ctx.redirect('/');
  } else if (ctx.path === '/logout') {
    ctx.session = null;
    ctx.redirect('/');
  } else {
    ctx.status = 404;
  }
});
app.listen(port, '127.0.0.1');
