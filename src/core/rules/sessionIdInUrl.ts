/**
 * session-id-in-url: a session ID value appears in a request URL (query, fragment, `;jsessionid=` path
 * parameter) or in a Referer header (RULES.md). URLs leak into logs, history, Referer and shared links.
 */

import type { RequestFacts, SessionLane } from '../analysis/facts.ts';
import { cookielessIds } from '../session/cookielessUrl.ts';
import { SESSION_PATH_PARAMETER_NAMES } from '../session/identify.ts';
import { isRandomToken } from '../session/randomToken.ts';
import { isWordValue } from '../session/valueShape.ts';
import { ValueFinder } from '../session/valuesInText.ts';
import { addressWithoutQuery } from './helpers.ts';
import { memo } from './memo.ts';
import { defineRule, type FindingDraft, type RuleContext } from './rule.ts';
import { type UrlSession, urlSessions } from './urlSessions.ts';

/** A session in the address found in a file without any cookie: what else it may be. */
const NO_COOKIE_IN_FILE =
  " No request in this file carries a cookie: if it was exported without them (Chrome's DevTools does so by default), the session may be in a cookie the file does not show, and this token an ID of the page's own.";

/** Where in a request a session ID was found. */
type Place = 'URL' | 'Referer header';

/** Addresses no request goes over the network for: the browser reads them itself. */
const NOT_SENT_SCHEME = /^(?:data|blob|about|javascript|view-source|chrome|chrome-extension|moz-extension|edge|file):/i;

/** Shorter values would match by accident (`sid=1` is not a leak worth a high finding). */
const MIN_ID_LENGTH = 8;
const PATH_PARAMETER = new RegExp(`;(${SESSION_PATH_PARAMETER_NAMES})=([^;?#/]+)`, 'i');

/**
 * What a `;name=value` path parameter named like a session ID holds, and so what it is worth:
 * - `session`: the ID of a session cookie of the file, or of a cookie of that name the file takes as a session; or a
 *   `;jsessionid=`, which the Servlet specification defines as the session ID rewritten into the address (§7.1.3);
 * - `token`: a random token under a session's name with no session cookie of that name in the file: a session kept
 *   in the address if the site keeps one there, which nothing else in the file says (low);
 * - `none`: anything else. Ad tags write `;key=value` targeting pairs (DoubleClick's `;sid=undefined;sz=970x66`):
 *   a word or a short value there is no session ID.
 */
type PathParameterKind = 'session' | 'token' | 'none';

function pathParameterKind(
  name: string,
  value: string,
  knownIds: ReadonlyMap<string, string>,
  sessionNames: ReadonlySet<string>,
): PathParameterKind {
  if (knownIds.has(value)) return 'session';
  if (value.length < MIN_ID_LENGTH || isWordValue(value) || !ID_ALPHABET.test(value)) return 'none';
  const lower = name.toLowerCase();
  if (lower === 'jsessionid' || sessionNames.has(lower)) return 'session';
  return isRandomToken(value) ? 'token' : 'none';
}

/**
 * What a session ID rewritten into a path is written with: letters, digits and the separators servers put in it
 * (Tomcat's `.node1` route, WebLogic's `!123`, WebSphere's `0000…:-1`). A template's placeholder a load-test script
 * never filled in (LoadRunner's `;jsessionid={C_jsession_id}`, a JSP's `<%=session.id%>`) is none.
 */
const ID_ALPHABET = /^[\w.~!:+=-]+$/;

function decode(s: string): string {
  // Without "%" there is nothing to decode (most URLs): spares a copy of every URL.
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const sessionIdInUrl = defineRule({
  id: 'session-id-in-url',
  severity: 'high',
  title: 'Session ID in a URL',
  docs: {
    explanation:
      'A session ID appears in a URL or Referer header. URLs end up in server and proxy logs, browser history, bookmarks, shared links and Referer headers sent to other sites, where anyone can replay the session.',
    fix: 'Keep the session ID in a cookie only: disable URL rewriting (Java: <tracking-mode>COOKIE</tracking-mode>; PHP: session.use_trans_sid=0, session.use_only_cookies=1).',
    peer: 'ZAP 3 (Session ID in URL Rewrite)',
  },
  check(ctx) {
    const requests = ctx.facts.requests;
    if (requests.length === 0) return [];
    // A growing replay keeps its first request: the scan goes on from the last snapshot (memo.ts).
    const scan = ctx.memos.recall(URL_LEAKS, requests[0]!, [], () => new UrlLeakScan());
    scan.foldValues(requests);
    const inAddresses = urlSessions(ctx.facts);
    scan.lookFor(
      idsToFind(ctx.facts.lanes, scan.requestValues, inAddresses),
      new Set(ctx.facts.lanes.map((lane) => lane.cookie.toLowerCase())),
      inAddresses,
      ctx.facts.cookiesRecorded !== false,
    );
    scan.scan(requests);
    return scan.drafts(ctx);
  },
});

/**
 * The session IDs to look for, each with its cookie: the lanes' IDs, then the session values requests sent or were
 * set (a value's last cookie name wins). In this order: ValueFinder reports the first of equal-length matches.
 */
function idsToFind(
  lanes: readonly SessionLane[],
  requestValues: ReadonlyMap<string, string>,
  inAddresses: readonly UrlSession[],
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const lane of lanes) {
    for (const id of lane.ids) if (id.id.length >= MIN_ID_LENGTH) ids.set(id.id, lane.cookie);
  }
  for (const [value, cookie] of requestValues) ids.set(value, cookie);
  // A session kept in the address has no cookie: its findings name none (drafts()).
  for (const session of inAddresses) if (!ids.has(session.token)) ids.set(session.token, '');
  return ids;
}

/** A request whose URL or Referer carries a session ID: the first of each ID and place. */
interface Leak {
  readonly request: RequestFacts;
  readonly id: string;
  readonly where: Place;
  /** The cookie named by a `;jsessionid=`-style path parameter (its value need not be a known ID). */
  readonly parameterCookie: string | undefined;
  /** A random token under a session's name, with no session cookie of that name in the file (PathParameterKind). */
  readonly unconfirmed?: true;
  /** Its draft, while the cookie and the value renderer it was worded with stay. */
  drafted?: { readonly cookie: string; readonly show: RuleContext['show']; readonly draft: FindingDraft };
}

/**
 * The requests scanned so far and what they leaked, kept from one snapshot of a growing replay to the next: a
 * snapshot scans only the requests that arrived since, unless the IDs to look for changed (a new ID may sit in an
 * earlier URL) — then every request again. An analysis that answers once makes one and scans every request.
 */
class UrlLeakScan {
  /** The session values (long enough to look for) that requests sent or were set, by value: their cookie. */
  readonly requestValues = new Map<string, string>();
  #valuesFolded = 0;
  #ids = new Map<string, string>();
  /** The session cookies' names, lower case. */
  #sessionNames = new Set<string>();
  /** The sessions kept in addresses, by token (urlSessions.ts). */
  #inAddresses = new Map<string, UrlSession>();
  #cookiesRecorded = true;
  #finder = new ValueFinder([]);
  #scanned = 0;
  /** The last Referer read (#refererLeak). */
  #refererRead: string | undefined;
  readonly #reported = new Set<string>();
  readonly #leaks: Leak[] = [];

  /** Takes in the values of the requests not folded yet (indexed loops: this reads every request once). */
  foldValues(requests: readonly RequestFacts[]): void {
    for (let r = this.#valuesFolded; r < requests.length; r++) {
      const { sent, setCookies } = requests[r]!;
      for (let i = 0; i < sent.length; i++) {
        const c = sent[i]!;
        if (c.session && c.value.length >= MIN_ID_LENGTH) this.requestValues.set(c.value, c.name);
      }
      for (let i = 0; i < setCookies.length; i++) {
        const c = setCookies[i]!;
        if (c.session && c.value.length >= MIN_ID_LENGTH) this.requestValues.set(c.value, c.name);
      }
    }
    this.#valuesFolded = requests.length;
  }

  /** The IDs to look for from now on; other IDs than before (or in another order) make every request scanned again. */
  lookFor(
    ids: Map<string, string>,
    sessionNames: Set<string>,
    inAddresses: readonly UrlSession[],
    cookiesRecorded: boolean,
  ): void {
    const before = this.#ids;
    const namesBefore = this.#sessionNames;
    this.#ids = ids;
    this.#sessionNames = sessionNames;
    this.#inAddresses = new Map(inAddresses.map((s) => [s.token, s]));
    this.#cookiesRecorded = cookiesRecorded;
    if (sameKeysInOrder(before, ids) && sameMembers(namesBefore, sessionNames)) return;
    this.#finder = new ValueFinder(ids.keys());
    this.#scanned = 0;
    this.#refererRead = undefined;
    this.#reported.clear();
    this.#leaks.length = 0;
  }

  /** Scans the requests not scanned yet: one leak per request, its URL's, else its Referer's. */
  scan(requests: readonly RequestFacts[]): void {
    for (let r = this.#scanned; r < requests.length; r++) {
      const request = requests[r]!;
      // A `data:` address (a script's text, an inline image) holds what a page wrote, sent nowhere: the request it may
      // make is an entry of its own (RULES.md, what is a request).
      if (NOT_SENT_SCHEME.test(request.url)) continue;
      const leak = this.#leak(request, decode(request.url), 'URL') ?? this.#refererLeak(request);
      if (leak) this.#leaks.push(leak);
    }
    this.#scanned = requests.length;
  }

  drafts(ctx: RuleContext): FindingDraft[] {
    return this.#leaks.map((leak) => {
      const cookie = this.#ids.get(leak.id) ?? leak.parameterCookie!;
      const inAddress = cookie === '' ? this.#inAddresses.get(leak.id) : undefined;
      const known = leak.drafted;
      if (known?.cookie === cookie && known.show === ctx.show && inAddress === undefined) return known.draft;
      const { request, id, where } = leak;
      const draft: FindingDraft = leak.unconfirmed
        ? {
            origin: request.origin,
            entry: request.entry,
            url: request.url,
            message: `The ${where} of this request carries a \`;${leak.parameterCookie}=\` path parameter holding a random token, ${ctx.show(id)}: a session ID rewritten into the address, if the site keeps its sessions there. No session cookie of that name is in this file to confirm it.`,
            evidence: { id: { secret: id }, where, parameter: leak.parameterCookie!, noSessionCookieOfName: true },
            severity: 'low',
          }
        : inAddress
          ? {
              origin: request.origin,
              entry: request.entry,
              url: request.url,
              message: `The ${where} of this request carries ${ctx.show(id)}, a session ID kept in the address: the login at entry ${inAddress.loginEntry} set no session cookie and sent the browser to an address holding it, and ${inAddress.carriedBy} later requests carry it in theirs.${this.#cookiesRecorded ? '' : NO_COOKIE_IN_FILE}`,
              evidence: { id: { secret: id }, where, issuedByLoginAt: inAddress.loginEntry, keptInAddress: true },
              // Without any cookie in the file, one exported without them cannot be told from a site without them.
              ...(this.#cookiesRecorded ? {} : { severity: 'medium' as const }),
            }
          : {
              origin: request.origin,
              cookie,
              entry: request.entry,
              url: request.url,
              message: `The ${where} of this request carries the ${cookie} session ID ${ctx.show(id)}.`,
              evidence: { id: { secret: id }, where },
            };
      leak.drafted = { cookie, show: ctx.show, draft };
      return draft;
    });
  }

  #refererLeak(request: RequestFacts): Leak | undefined {
    const referer = request.referer;
    if (!referer) return undefined;
    // A page's subresources share its address as their Referer: the same text read last told its ID then, or has
    // none.
    if (referer === this.#refererRead) return undefined;
    this.#refererRead = referer;
    return this.#leak(request, decode(referer), 'Referer header');
  }

  /** The ID this text carries, once per ID and place; undefined when none (or told before). */
  #leak(request: RequestFacts, text: string, where: Place): Leak | undefined {
    // A path parameter (`/cart;jsessionid=…`) stands in the path. A `;sid=` after the `?` is part of a query an
    // analytics counter writes with `;` between its fields (Top@Mail.ru's `/counter?id=3081030;…;sid=<visit>`), no
    // session rewritten into the address. ASP.NET's cookieless segment (`/(S(…))/`) is a session ID by its form, as
    // `;jsessionid=` is.
    const address = addressWithoutQuery(text);
    const match = PATH_PARAMETER.exec(address);
    const kind = match ? pathParameterKind(match[1]!, match[2]!, this.#ids, this.#sessionNames) : 'none';
    const parameter = kind !== 'none' ? { cookie: match![1]!, value: match![2]! } : cookielessIds(address)[0];
    const id = parameter ? parameter.value : this.#finder.longest(text);
    if (id === undefined) return undefined;
    const once = `${id}\u0000${where}`;
    if (this.#reported.has(once)) return undefined;
    this.#reported.add(once);
    return {
      request,
      id,
      where,
      parameterCookie: parameter?.cookie,
      ...(kind === 'token' ? { unconfirmed: true as const } : {}),
    };
  }
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const member of a) if (!b.has(member)) return false;
  return true;
}

function sameKeysInOrder(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  const other = b.keys();
  for (const key of a.keys()) if (other.next().value !== key) return false;
  return true;
}

/** What the scan of a growing replay's requests found so far, by the replay's first request. */
const URL_LEAKS = memo<RequestFacts, UrlLeakScan>('session-id-in-url scan', 'replay');
