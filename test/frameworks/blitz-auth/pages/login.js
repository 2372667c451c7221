// The login form: its script posts the credentials to /api/login (with Blitz's anti-CSRF header) and opens home when
// they are right; a wrong password (401) is shown in place.
import { useState } from 'react';
import { gSSP } from '../src/blitz-server';
import { post } from '../src/post';

// Through Blitz's gSSP, so that a visitor coming here first gets Blitz's anonymous session and anti-CSRF cookie.
export const getServerSideProps = gSSP(async () => ({ props: {} }));

export default function Login() {
  const [error, setError] = useState(null);
  const onSubmit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const response = await post('/api/login', {
      username: form.get('username'),
      password: form.get('password'),
    });
    if (response.ok) window.location.assign('/');
    else setError('Wrong user name or password');
  };
  return (
    <form onSubmit={onSubmit}>
      {error && <p id="error">{error}</p>}
      <input name="username" autoComplete="username" />
      <input name="password" type="password" autoComplete="current-password" />
      <button type="submit">Log in</button>
    </form>
  );
}
