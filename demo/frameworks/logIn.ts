// The login every express-session app of the demo does, as OWASP asks: a new session ID (express-session's
// regenerate), the user in it, and the session saved before the redirect that follows (so the next request, which
// may reach another node, finds it stored).
import type { NextFunction, Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** Who logged in: every express-session app of the demo keeps it here. */
    user?: string;
  }
}

export function logIn(
  req: Request,
  res: Response,
  next: NextFunction,
  user: string,
  redirect: { readonly to: string; readonly status?: number },
): void {
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.user = user;
    req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect(redirect.status ?? 302, redirect.to)));
  });
}
