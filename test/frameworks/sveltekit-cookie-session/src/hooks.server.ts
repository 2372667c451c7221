import { handleSession } from 'svelte-kit-cookie-session';

// As the library's README initializes it: an encrypted cookie session (`kit.session`), its secret 32 characters long
// (version 4 wants exactly 32).
export const handle = handleSession({
  secret: 'SESSIONSCOPE_KIT_SECRET_32_CHARS',
});
