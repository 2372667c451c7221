// An in-memory server-side session store, as a typical web framework keeps one: random IDs from
// crypto.randomBytes, an optional idle lifetime after which the server no longer knows the ID.
import { randomBytes } from 'node:crypto';

export interface ServerSession {
  readonly id: string;
  readonly createdAt: number;
  lastSeenAt: number;
  /** The user name once the session has logged in. */
  user?: string;
}

export class SessionStore {
  readonly #sessions = new Map<string, ServerSession>();

  /**
   * @param ttlMs idle lifetime; a session unused for longer is forgotten (server-side expiry).
   * @param idSuffix appended to every new ID, e.g. Tomcat's `.node1` route suffix.
   */
  constructor(
    readonly ttlMs = Number.POSITIVE_INFINITY,
    readonly idSuffix = '',
  ) {}

  create(now = Date.now()): ServerSession {
    // 128 bits of randomness, as OWASP asks for session IDs.
    const session: ServerSession = {
      id: randomBytes(16).toString('hex') + this.idSuffix,
      createdAt: now,
      lastSeenAt: now,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session for an ID, touching it; undefined when unknown or idle past its lifetime. */
  find(id: string | undefined, now = Date.now()): ServerSession | undefined {
    if (id === undefined) return undefined;
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    if (now - session.lastSeenAt > this.ttlMs) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  delete(id: string): void {
    this.#sessions.delete(id);
  }
}
