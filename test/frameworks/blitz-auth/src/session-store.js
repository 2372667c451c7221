// The session storage Blitz's auth is given (its SessionConfigMethods: getSession, getSessions, createSession,
// updateSession, deleteSession), in memory instead of Prisma's Session table; the sessions are lost when the server
// stops. Kept on globalThis so that every bundle of the build (pages, API routes) shares the one map.
globalThis.__blitzAuthSessions ??= new Map();
const sessions = globalThis.__blitzAuthSessions;

export const memoryStorage = {
  getSession: async (handle) => sessions.get(handle) ?? null,
  getSessions: async (userId) => [...sessions.values()].filter((s) => s.userId === userId),
  createSession: async (session) => {
    const created = { ...session };
    sessions.set(session.handle, created);
    return created;
  },
  updateSession: async (handle, session) => {
    const existing = sessions.get(handle);
    if (!existing) return undefined;
    const updated = { ...existing, ...session };
    sessions.set(handle, updated);
    return updated;
  },
  deleteSession: async (handle) => {
    const existing = sessions.get(handle);
    sessions.delete(handle);
    return existing;
  },
};
