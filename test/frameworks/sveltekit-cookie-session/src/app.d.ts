import type { Session } from 'svelte-kit-cookie-session';

type SessionData = { user?: string };

declare global {
  namespace App {
    interface Locals {
      session: Session<SessionData>;
    }
  }
}
