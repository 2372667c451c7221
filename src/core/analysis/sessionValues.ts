/**
 * The session values of a growing replay, for hiding them inside URLs (`;jsessionid=…`, `?sid=…`) in a redacted
 * report: every lane ID, every session cookie value sent or set, every session kept in the address (urlSessions.ts),
 * and every credential a request's address or Referer carries (urlCredentials.ts). Requests are read once, as they
 * arrive; the text redactor is made again only when a value was added (values only accumulate while the replay goes
 * on).
 */
import { urlSessions } from '../rules/urlSessions.ts';
import { MIN_VALUE_LENGTH, ValueFinder } from '../session/valuesInText.ts';
import type { AnalysisFacts } from './facts.ts';
import { NewRequests } from './newRequests.ts';
import { hiddenEverywhere, hideSecretParameters, secretParametersInUrl } from './urlCredentials.ts';

export class SessionValues {
  private values = new Set<string>();
  private readonly newRequests = new NewRequests();
  private redactor:
    | { readonly size: number; readonly show: (v: string) => string; readonly hide: (t: string) => string }
    | undefined;

  /**
   * A function hiding every session value in a text, rendered by `show`: the same function while no value was
   * added (findingReuse.ts keeps a finding only while its URL was hidden by the same function).
   */
  hideInText(facts: AnalysisFacts, show: (v: string) => string): (text: string) => string {
    const from = this.newRequests.since(facts.requests);
    if (from === 0) {
      // Another replay: its values are another set, whatever their number (the redactor's test below).
      this.values = new Set();
      this.redactor = undefined;
    }
    for (const lane of facts.lanes) for (const id of lane.ids) this.add(id.id);
    for (const session of urlSessions(facts)) this.add(session.token);
    // A page's subresources share its address as their Referer: one read of each run of them.
    let lastReferer: string | undefined;
    for (let i = from; i < facts.requests.length; i++) {
      const r = facts.requests[i]!;
      for (const c of r.sent) if (c.session) this.add(c.value);
      for (const c of r.setCookies) if (c.session) this.add(c.value);
      this.addCredentials(r.url);
      if (r.referer !== undefined && r.referer !== lastReferer) this.addCredentials(r.referer);
      lastReferer = r.referer;
    }
    if (this.redactor?.size !== this.values.size || this.redactor.show !== show)
      this.redactor = { size: this.values.size, show, hide: textRedactor(this.values, show) };
    return this.redactor.hide;
  }

  /**
   * Each secret in an address's parameters (a credential, a value under a session's name), by its value (the
   * redactor finds its percent-encoding too), and as the address writes it where that differs from both. A word or
   * a number (`api_key=doubleclick`) is hidden only where it stands as the parameter's value (textRedactor): hidden
   * everywhere, it rewrote host names (`cm.g.doubleclick.net`) and times.
   */
  private addCredentials(url: string): void {
    for (const { value, written } of secretParametersInUrl(url)) {
      if (!hiddenEverywhere(value)) continue;
      this.add(value);
      if (written !== value && written !== encodeURIComponent(value)) this.add(written);
    }
  }

  private add(value: string): void {
    // Values short enough to occur by chance in any URL are not worth hiding (and would mangle it).
    if (value.length >= MIN_VALUE_LENGTH) this.values.add(value);
  }
}

function textRedactor(values: ReadonlySet<string>, show: (v: string) => string): (text: string) => string {
  const finder = new ValueFinder(values);
  const atPlace = (parameter: { readonly value: string }) => show(parameter.value);
  return (text) => {
    // Secrets in addresses' parameters where they stand, whatever their length; then every known value anywhere.
    let out = hideSecretParameters(text, atPlace);
    // Longest first (the finder's order), so a value containing another is replaced whole.
    for (const v of finder.find(out)) {
      out = out.split(v).join(show(v));
      const encoded = encodeURIComponent(v);
      if (encoded !== v) out = out.split(encoded).join(show(v));
    }
    return out;
  };
}
