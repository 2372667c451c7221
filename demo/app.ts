// The small request/response model each demo scenario app is written against, so the apps hold only
// their cookie behaviour and no node:http plumbing.

export interface DemoRequest {
  readonly method: string;
  readonly scheme: 'http' | 'https';
  /** Host name from the Host header, lower-case, without the port. */
  readonly host: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Cookies in the order the Cookie header lists them; a name may repeat (shadowed cookies). */
  readonly cookies: readonly { readonly name: string; readonly value: string }[];
  /** Fields of an application/x-www-form-urlencoded body; empty otherwise. */
  readonly form: URLSearchParams;
  /** An absolute URL on this demo server (the ports differ per run). */
  url(scheme: 'http' | 'https', host: string, path: string): string;
}

export interface DemoResponse {
  readonly status: number;
  /** Header lines in order; each Set-Cookie is its own line, exactly as sent. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** One scenario's server side: which requests it owns, and how it answers them. */
export interface DemoApp {
  readonly scenarioId: string;
  owns(req: DemoRequest): boolean;
  handle(req: DemoRequest): DemoResponse;
}

/** The first value of a cookie name, as most server frameworks read it. */
export function cookieValue(req: DemoRequest, name: string): string | undefined {
  return req.cookies.find((c) => c.name === name)?.value;
}

export function parseCookieHeader(header: string | undefined): { name: string; value: string }[] {
  if (header === undefined || header === '') return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: '', value: pair } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * An HTML page. The empty data: icon stops Chromium from requesting /favicon.ico, which would add
 * requests to every trace and move the demo load balancer's round-robin.
 */
export function htmlPage(
  title: string,
  sentence: string,
  bodyHtml: string,
  setCookies: readonly string[] = [],
  status = 200,
): DemoResponse {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
code{background:#eee;padding:0 .2em}.saw{background:#f4f4f8;border-left:4px solid #88a;padding:.5rem 1rem}
a.step,button{font-size:1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="sentence">${escapeHtml(sentence)}</p>
${bodyHtml}
<p><a href="/" id="home">All scenarios</a></p></body></html>
`;
  return {
    status,
    headers: [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Cache-Control', 'no-store'],
      ...setCookies.map((line) => ['Set-Cookie', line] as const),
    ],
    body,
  };
}

/** A 303 See Other after a form POST (the Post/Redirect/Get pattern login forms use). */
export function redirect(location: string, setCookies: readonly string[] = []): DemoResponse {
  return {
    status: 303,
    headers: [
      ['Location', location],
      ['Cache-Control', 'no-store'],
      ...setCookies.map((line) => ['Set-Cookie', line] as const),
    ],
    body: '',
  };
}

/** A paragraph saying what the server saw, so a person running the demo can follow along. */
export function serverSaw(lines: readonly string[]): string {
  return `<div class="saw"><strong>What the server saw</strong><ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul></div>`;
}

/** A value for display: short enough to read, long enough to compare. */
export function shortId(id: string | undefined): string {
  return id === undefined
    ? '<em>none</em>'
    : `<code>${escapeHtml(id.length > 14 ? `${id.slice(0, 10)}…${id.slice(-4)}` : id)}</code>`;
}
