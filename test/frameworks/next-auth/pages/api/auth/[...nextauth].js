// NextAuth.js v4 as its documentation's Pages Router setup: a catch-all API route with the credentials provider.
// Credentials sign-ins use JWT sessions (its default strategy): the session is an encrypted JWT (JWE) in
// `next-auth.session-token`, beside `next-auth.csrf-token` and `next-auth.callback-url`. Its own pages sign in
// (/api/auth/signin) and out (/api/auth/signout).
import NextAuth from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

export const authOptions = {
  secret: 'a throwaway secret of the recording app only',
  providers: [
    CredentialsProvider({
      name: 'Credentials',
      credentials: {
        username: { label: 'Username', type: 'text' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: async (credentials) =>
        credentials?.username === 'alice' && credentials?.password === 'secret' ? { id: '1', name: 'alice' } : null,
    }),
  ],
};

export default NextAuth(authOptions);
