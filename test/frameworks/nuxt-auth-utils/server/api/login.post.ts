// Checks alice / secret and seals the user into the session cookie (nuxt-auth-utils' setUserSession).
export default defineEventHandler(async (event) => {
  const { username, password } = await readBody<{ username?: string; password?: string }>(event);
  if (username !== 'alice' || password !== 'secret') {
    throw createError({ statusCode: 401, statusMessage: 'Bad credentials' });
  }
  await setUserSession(event, { user: { name: username } });
  return {};
});
