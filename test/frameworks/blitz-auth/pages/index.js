// Home: the session read on the server (Blitz's gSSP, ctx.session); logged in, a Log out button that posts to
// /api/logout (ctx.session.$revoke()) and opens home again.
import { gSSP } from '../src/blitz-server';
import { post } from '../src/post';

export const getServerSideProps = gSSP(async ({ ctx }) => ({
  props: { userId: ctx.session.userId ?? null },
}));

export default function Home({ userId }) {
  const logOut = async () => {
    await post('/api/logout');
    window.location.assign('/');
  };
  return userId ? (
    <>
      <p>Logged in as alice</p>
      <button id="logout" type="button" onClick={logOut}>
        Log out
      </button>
    </>
  ) : (
    <>
      <p>Not logged in</p>
      <a href="/login">Log in</a>
    </>
  );
}
