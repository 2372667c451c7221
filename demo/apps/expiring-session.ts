// The two expiry scenarios share one app: a page under a path prefix that issues a sid when the server does not
// know the one it got. They differ only in who forgets the session first — the browser (a short Max-Age) or the
// server (a short idle timeout) — and in the sentence the page says about it.
import { cookieValue, type DemoApp, type DemoRequest, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

export interface ExpiringSessionOptions {
  readonly scenarioId: string;
  /** Path prefix the app owns on shop.test, also the cookie's Path; ends with "/". */
  readonly prefix: string;
  /** Idle time after which the server forgets a session; undefined = never. */
  readonly serverTtlMs?: number;
  /** Extra Set-Cookie attributes (e.g. `Max-Age=2`), before the common secure ones. */
  readonly cookieAttributes: readonly string[];
  /** What the server says when it issues an ID although one was sent. */
  readonly unknownIdNote: (newId: string) => string;
  /** The sentence under the server's report: how long to wait, and why. */
  readonly waitHint: string;
}

export function expiringSessionApp(o: ExpiringSessionOptions): DemoApp {
  const sessions = new SessionStore(o.serverTtlMs);
  const path = o.prefix.replace(/\/$/, '');
  return {
    scenarioId: o.scenarioId,
    owns: (req) => req.host === 'shop.test' && req.path.startsWith(o.prefix),
    handle(req: DemoRequest) {
      const sent = cookieValue(req, 'sid');
      const known = sessions.find(sent);
      const session = known ?? sessions.create();
      const saw = known
        ? 'the server knows this session'
        : sent
          ? o.unknownIdNote(shortId(session.id))
          : `new sid ${shortId(session.id)}`;
      return scenarioPage(
        o.scenarioId,
        `${serverSaw([`sid sent: ${shortId(sent)}`, saw])}
<p>${o.waitHint}</p>
${link('again', `${o.prefix}again`, 'Request the page again')}`,
        known
          ? []
          : [[`sid=${session.id}`, `Path=${path}`, ...o.cookieAttributes, 'Secure; HttpOnly; SameSite=Lax'].join('; ')],
      );
    },
  };
}
