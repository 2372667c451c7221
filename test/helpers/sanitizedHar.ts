// A HAR as Chrome's DevTools writes it with "Export HAR (sanitized)", its default since Chrome 130: no Cookie,
// Set-Cookie or Authorization header and no cookie lists, under DevTools' creator name (`WebInspector`).

interface HarText {
  log: {
    creator?: { name: string; version: string };
    entries: {
      request: { headers: { name: string }[]; cookies?: unknown[] };
      response: { headers: { name: string }[]; cookies?: unknown[] };
    }[];
  };
}

/** The HAR text with its cookies and credentials taken out, as DevTools' sanitised export does; `creator` named. */
export function sanitizedHar(text: string, creator = 'WebInspector'): string {
  const har = JSON.parse(text) as HarText;
  har.log.creator = { name: creator, version: '537.36' };
  for (const { request, response } of har.log.entries) {
    request.headers = request.headers.filter((h) => !/^(cookie|authorization)$/i.test(h.name));
    response.headers = response.headers.filter((h) => !/^set-cookie$/i.test(h.name));
    request.cookies = [];
    response.cookies = [];
  }
  return JSON.stringify(har);
}
