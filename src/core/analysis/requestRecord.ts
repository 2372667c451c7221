/**
 * RequestFacts as the replay keeps them, one per request of the trace: the biggest share of a long trace's
 * analysis memory (a streamed 1 GiB HAR keeps only these of its 244,000 entries). Seven of the fields repeat from
 * request to request (the method, the resource type, the status, the origin and host, whether it is a login or
 * a logout, whether its client is a browser), so they live in one shared `RequestPlace`; a record holds eight
 * slots, not fifteen (88 bytes against 128 on V8 without pointer compression: ~10 MB on that file). The Referer
 * stays in the record: it is a page's URL, as varied as the pages, and a place per Referer cost more in keys than
 * it saved.
 */

import type { ResourceType } from '../trace/types.ts';
import type { LoginSignal, NotSentCookieFact, RequestFacts, SentCookieFact, SetCookieFact } from './facts.ts';

/** What a request shares with many others. Read-only, shared by every request it describes. */
export interface RequestPlace {
  readonly method: string;
  readonly resourceType: ResourceType;
  readonly status: number | undefined;
  readonly origin: string;
  readonly host: string;
  readonly login: LoginSignal | undefined;
  readonly logout: boolean;
  readonly fromNonBrowser: boolean;
}

class RequestRecord implements RequestFacts {
  constructor(
    readonly entry: number,
    readonly time: number,
    readonly url: string,
    readonly referer: string | undefined,
    private readonly place: RequestPlace,
    readonly sent: readonly SentCookieFact[],
    readonly notSent: readonly NotSentCookieFact[],
    readonly setCookies: readonly SetCookieFact[],
  ) {}

  get method(): string {
    return this.place.method;
  }
  get resourceType(): ResourceType {
    return this.place.resourceType;
  }
  get status(): number | undefined {
    return this.place.status;
  }
  get origin(): string {
    return this.place.origin;
  }
  get host(): string {
    return this.place.host;
  }
  get login(): LoginSignal | undefined {
    return this.place.login;
  }
  get logout(): boolean {
    return this.place.logout;
  }
  get fromNonBrowser(): true | undefined {
    return this.place.fromNonBrowser || undefined;
  }

  /** The plain RequestFacts, as JSON and copies see it (the panel's worker sends a request's facts as JSON). */
  toJSON(): RequestFacts {
    return plainFacts(this);
  }
}

/** RequestFacts as a plain object, with RequestFacts' key order and no key for an absent optional field. */
export function plainFacts(r: RequestFacts): RequestFacts {
  return {
    entry: r.entry,
    time: r.time,
    method: r.method,
    url: r.url,
    resourceType: r.resourceType,
    ...(r.status !== undefined ? { status: r.status } : {}),
    ...(r.referer !== undefined ? { referer: r.referer } : {}),
    origin: r.origin,
    host: r.host,
    sent: r.sent,
    notSent: r.notSent,
    setCookies: r.setCookies,
    ...(r.login ? { login: r.login } : {}),
    logout: r.logout,
    ...(r.fromNonBrowser ? { fromNonBrowser: true } : {}),
  };
}

/** Hands out one RequestPlace per distinct combination, and the records that point at them. */
export class RequestRecords {
  private readonly places = new Map<string, Map<string, RequestPlace>>();

  record(
    entry: number,
    time: number,
    url: string,
    referer: string | undefined,
    place: RequestPlace,
    sent: readonly SentCookieFact[],
    notSent: readonly NotSentCookieFact[],
    setCookies: readonly SetCookieFact[],
  ): RequestFacts {
    return new RequestRecord(entry, time, url, referer, this.shared(place), sent, notSent, setCookies);
  }

  /** The place last handed out: the next request's is most often that very one (found without a key). */
  private last: RequestPlace | undefined;

  /** The place already handed out equal to this one, else this one (kept). Keyed by origin, then the rest. */
  private shared(place: RequestPlace): RequestPlace {
    const last = this.last;
    if (last !== undefined && samePlace(last, place)) return last;
    this.last = this.byKey(place);
    return this.last;
  }

  private byKey(place: RequestPlace): RequestPlace {
    let byOrigin = this.places.get(place.origin);
    if (byOrigin === undefined) {
      byOrigin = new Map();
      this.places.set(place.origin, byOrigin);
    }
    // Joined, not a template: a template's key stays a tree of its pieces in V8 while the Map holds it.
    const key = [
      place.method,
      place.resourceType,
      place.status ?? '',
      place.host,
      place.login ?? '',
      place.logout,
      place.fromNonBrowser,
    ].join('\u0000');
    const known = byOrigin.get(key);
    if (known !== undefined) return known;
    byOrigin.set(key, place);
    return place;
  }
}

function samePlace(a: RequestPlace, b: RequestPlace): boolean {
  return (
    a.origin === b.origin &&
    a.method === b.method &&
    a.resourceType === b.resourceType &&
    a.status === b.status &&
    a.host === b.host &&
    a.login === b.login &&
    a.logout === b.logout &&
    a.fromNonBrowser === b.fromNonBrowser
  );
}
