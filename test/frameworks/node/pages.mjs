// The pages every Node app here serves: home (writes the session), the login form, a logout link.
export const form = (err = '') =>
  `<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>${err}`;
export const home = (user, visits) =>
  `<p>Hello ${user ?? 'anon'} visits=${visits}</p><a id=logout href=/logout>Log out</a>`;
export const port = Number(process.argv[2]);
