/**
 * The two answers the replay needs from the whole trace before it starts: which cookie names are session IDs,
 * and whether the input recorded Cookie headers at all (a sanitised export has none, and then the jar's view
 * is all there is). Fed one event at a time, so a streamed trace can get them from a first pass.
 */
import type { TraceEvent } from '../trace/types.ts';
import { entryRecordsCookies } from './replay.ts';
import { SessionCookieIdentifier } from './sessionCookies.ts';
import type { AnalysisSettings } from './settings.ts';

export interface PrepassResult {
  readonly sessionNames: ReadonlyMap<string, string>;
  readonly cookiesRecorded: boolean;
}

export class TracePrepass {
  private readonly identifier: SessionCookieIdentifier;
  private cookiesRecorded = false;

  constructor(settings: AnalysisSettings) {
    this.identifier = new SessionCookieIdentifier(settings);
  }

  /** The next event, in trace order (the session cookie decision depends on it). */
  feed(event: TraceEvent): void {
    this.identifier.feed(event);
    if (!this.cookiesRecorded && event.kind === 'entry') this.cookiesRecorded = entryRecordsCookies(event.entry);
  }

  finish(): PrepassResult {
    return { sessionNames: this.identifier.finish(), cookiesRecorded: this.cookiesRecorded };
  }
}
