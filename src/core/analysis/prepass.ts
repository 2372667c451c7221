/**
 * The answers the replay needs from the whole trace before it starts: which cookie names are session IDs (and how
 * sure), which sites are the ones being inspected (the top-level pages), and whether the input recorded Cookie
 * headers at all (a sanitised export has none, and then the jar's view is all there is). Fed one event at a time,
 * so a streamed trace can get them from a first pass.
 */
import type { TraceEvent } from '../trace/types.ts';
import { entryRecordsCookies } from './entryCookies.ts';
import type { LoginSignal, MaskedCookie, SessionIdentity } from './facts.ts';
import { FirstPartySiteFinder } from './firstParty.ts';
import { SessionCookieIdentifier } from './sessionCookies.ts';
import type { AnalysisSettings } from './settings.ts';

export interface PrepassResult {
  readonly sessionNames: ReadonlyMap<string, SessionIdentity>;
  readonly cookiesRecorded: boolean;
  /** Registrable domains of the trace's top-level pages. */
  readonly firstPartySites: ReadonlySet<string>;
  /**
   * The login signal of each entry that has one, by entry index: detected once, here, in trace order, and read by
   * the replay (detection reads several headers of every request). It grows as the pre-pass is fed, so a replay
   * made before the last event was fed still finds the signals of the events fed after.
   */
  readonly loginSignals: ReadonlyMap<number, LoginSignal>;
  /** The Basic credentials (base64 `user:password`) of each request that sent them, by entry index; grows as fed. */
  readonly basicCredentials: ReadonlyMap<number, string>;
  /**
   * Login attempts that only redirected to the page they were posted to (read as the form sent back) and that a
   * later logout at their origin, with no attempt between, showed to have worked: by entry index. A copy made at
   * finish: it grows with later events, and a replay made with fewer is made again (session.ts).
   */
  readonly confirmedLogins: ReadonlySet<number>;
  /** The first cookie seen with a value a sanitiser masked (`REDACTED`), where one was. */
  readonly maskedCookie?: MaskedCookie;
}

export class TracePrepass {
  private readonly identifier: SessionCookieIdentifier;
  private readonly sites = new FirstPartySiteFinder();
  private cookiesRecorded = false;

  constructor(settings: AnalysisSettings) {
    this.identifier = new SessionCookieIdentifier(settings);
  }

  /** The next event, in trace order (the session cookie decision depends on it). */
  feed(event: TraceEvent): void {
    this.identifier.feed(event);
    this.sites.feed(event);
    if (!this.cookiesRecorded && event.kind === 'entry') this.cookiesRecorded = entryRecordsCookies(event.entry);
  }

  finish(): PrepassResult {
    const firstPartySites = this.sites.finish();
    return {
      sessionNames: this.identifier.finish(firstPartySites),
      cookiesRecorded: this.cookiesRecorded,
      firstPartySites,
      loginSignals: this.identifier.loginSignals,
      basicCredentials: this.identifier.basicCredentials,
      confirmedLogins: new Set(this.identifier.confirmedLogins),
      ...(this.identifier.maskedCookie ? { maskedCookie: this.identifier.maskedCookie } : {}),
    };
  }
}
