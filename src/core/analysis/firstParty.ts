/**
 * The site being inspected (RULES.md: sessions of "the registrable domain of the page being inspected" come first;
 * third-party cookies are listed apart): the registrable domains of the trace's top-level pages. A top-level page
 * is a navigation the recorder saw, the first document of each HAR page, and every hop of the redirect chain that
 * document followed (a site that redirects `mousel.lu` to `brasseriedeluxembourg.lu` is inspected at both).
 * Except an identity provider: a site whose pages the browser saw only during a sign-in the inspected site sent it
 * to, and that sent it back (an app's "Sign in with Google": accounts.google.com between the app's authorization
 * request and its callback), is where the user signed in, not the site being inspected; its cookies are a third
 * party's there. A sign-in that never came back leaves its sites inspected (the recording may be of the provider).
 * Fed one event at a time, so a streamed trace gets the answer from its first pass.
 */
import { hostOfUrl, registrableDomain } from '../cookie/domain.ts';
import { headerValue } from '../trace/headers.ts';
import { redirectTargetOf } from '../trace/redirects.ts';
import type { TraceEntry, TraceEvent } from '../trace/types.ts';
import { issuesSignInRequest } from './loginSignals.ts';

export function siteOfUrl(url: string): string | undefined {
  const host = hostOfUrl(url);
  return host === undefined || host === '' ? undefined : registrableDomain(host);
}

export class FirstPartySiteFinder {
  private readonly sites = new Set<string>();
  private readonly pagesSeen = new Set<string>();
  /** Where the last top-level document redirected to: the next document there is top-level too. */
  private readonly pendingRedirects = new Set<string>();
  private firstEntryUrl: string | undefined;
  /**
   * The page the first request that names one was made from (its initiator): the fallback site, before the first
   * request's own URL. A recording may begin with a request that names no page (a CDN's image with no Referer, before
   * the page's calls that do).
   */
  private firstPageUrl: string | undefined;
  /** A sign-in a top-level page of `from` began at another site (issuesSignInRequest), not yet back: its pages' sites. */
  private signIn: { readonly from: string; readonly visited: Set<string> } | undefined;

  feed(event: TraceEvent): void {
    if (event.kind === 'navigation') {
      this.add(event.url);
      return;
    }
    if (event.kind !== 'entry') return;
    const entry = event.entry;
    this.firstEntryUrl ??= entry.request.url;
    this.firstPageUrl ??= entry.request.initiatorUrl;
    const next = redirectTargetOf(entry);
    if (this.isTopLevel(entry)) {
      this.add(entry.request.url);
      if (next) this.pendingRedirects.add(next);
    }
    // Whatever the recorder called the hop (Chrome writes a navigation's redirects as `other`): a redirect to another
    // site with a sign-in request begins a sign-in there.
    if (next !== undefined && this.signIn === undefined) this.noteSignIn(entry, next);
  }

  private noteSignIn(entry: TraceEntry, target: string): void {
    const from = siteOfUrl(entry.request.url);
    const provider = siteOfUrl(target);
    if (from !== undefined && provider !== undefined && provider !== from && issuesSignInRequest(entry))
      this.signIn = { from, visited: new Set() };
  }

  /**
   * The registrable domains of the top-level pages so far; when the trace shows none, the site of the page the first
   * request that names one was made from (a recording started on a loaded page may begin with an analytics beacon,
   * or with a CDN's image that names no page), else of the first request itself.
   * A copy, and the fallback is not kept: the finder may be fed on, and a page seen later replaces it.
   */
  finish(): ReadonlySet<string> {
    if (this.signIn) return new Set([...this.sites, ...this.signIn.visited]);
    if (this.sites.size === 0 && this.firstEntryUrl !== undefined) {
      const site =
        (this.firstPageUrl && siteOfUrl(this.firstPageUrl)) ?? (this.firstEntryUrl && siteOfUrl(this.firstEntryUrl));
      return new Set(site ? [site] : []);
    }
    return new Set(this.sites);
  }

  private isTopLevel(entry: TraceEntry): boolean {
    if (entry.request.resourceType !== 'document') return false;
    if (this.pendingRedirects.delete(entry.request.url)) return true;
    // The browser says where the document goes (Fetch Metadata, sent to https:// origins): a frame's is `iframe`
    // or `frame`. Decisive where a recording gives every navigation of a tab one page (the live recorder's pageRef
    // is the tab) or a HAR writes frames as documents.
    const destination = headerValue(entry.request.headers, 'sec-fetch-dest');
    if (destination === 'iframe' || destination === 'frame') return false;
    // A HAR page's first document is its top-level page; later documents of the page are frames.
    const firstOfPage = entry.pageRef !== undefined && !this.pagesSeen.has(entry.pageRef);
    if (entry.pageRef !== undefined) this.pagesSeen.add(entry.pageRef);
    if (destination === 'document') return true;
    if (entry.pageRef !== undefined) return firstOfPage;
    // No pages (a live recording, a HAR without them): a document the browser itself started (typed, bookmark)
    // or the trace's very first request.
    return entry.request.initiatorSource === 'browser-initiated' || this.firstEntryUrl === entry.request.url;
  }

  /** A top-level page's site: inspected, unless a sign-in is under way elsewhere; back at its site, the sign-in ends. */
  private add(url: string): void {
    const site = siteOfUrl(url);
    if (!site) return;
    if (this.signIn !== undefined && site !== this.signIn.from) this.signIn.visited.add(site);
    else {
      this.signIn = undefined;
      this.sites.add(site);
    }
  }
}

/** Whether a request origin or cookie domain belongs to one of the inspected sites. */
export function isFirstParty(hostOrOrigin: string, sites: ReadonlySet<string>): boolean {
  const host = hostOrOrigin.includes('://') ? (hostOfUrl(hostOrOrigin) ?? '') : hostOrOrigin.replace(/^\./, '');
  return sites.has(registrableDomain(host));
}
