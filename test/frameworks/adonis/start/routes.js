// The pages. The login does what @adonisjs/auth's session guard does (its login() regenerates the session, then
// stores the user; its logout() forgets the user), without a database; a wrong password is flashed and the form shown
// again by a redirect back, as Adonis's invalid-credentials error does for a web page.
import router from '@adonisjs/core/services/router';

const form = (error = '') =>
  `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>${error}`;

router.get('/', ({ session, response }) => {
  const visits = (session.get('visits') ?? 0) + 1;
  session.put('visits', visits);
  const logout = session.has('auth_web') ? '<a id=logout href=/logout>Log out</a>' : '';
  response.header('content-type', 'text/html; charset=utf-8');
  return `<p>Hello ${session.get('auth_web') ?? 'anon'} visits=${visits}</p>${logout}`;
});
router.get('/login', ({ session, response }) => {
  response.header('content-type', 'text/html; charset=utf-8');
  return form(session.flashMessages.get('error') ?? '');
});
router.post('/login', async ({ request, session, response }) => {
  const { username, password } = request.only(['username', 'password']);
  if (username !== 'alice' || password !== 'secret') {
    session.flash('error', 'Invalid user credentials');
    return response.redirect().back();
  }
  session.regenerate();
  session.put('auth_web', username);
  return response.redirect('/');
});
router.get('/logout', ({ session, response }) => {
  session.forget('auth_web');
  return response.redirect('/');
});
