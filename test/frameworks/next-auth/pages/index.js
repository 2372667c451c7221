// The home page reads the session on the server with getServerSession (which also re-issues the session cookie,
// NextAuth's sliding expiry); signed in, it links to NextAuth's own sign-out page.
import { getServerSession } from 'next-auth/next';
import { authOptions } from './api/auth/[...nextauth]';

export async function getServerSideProps({ req, res }) {
  const session = await getServerSession(req, res, authOptions);
  return { props: { user: session?.user?.name ?? null } };
}

export default function Home({ user }) {
  return (
    <>
      <p>Hello {user ?? 'anon'}</p>
      {user ? (
        <a id="logout" href="/api/auth/signout">
          Log out
        </a>
      ) : (
        <a href="/api/auth/signin">Sign in</a>
      )}
    </>
  );
}
