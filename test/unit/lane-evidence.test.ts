// A lane's evidence speaks of its own site. A cookie is cleared by its own site's responses and carried only to its
// own site, so "cleared at the logout at entry N" and "carried by the login at entry N" must name an entry on the
// lane's site, in every real recording we have: framework recordings (an identity provider and its application often
// share a name, Django's `sessionid`, Java's JSESSIONID) and real sites' page loads.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../src/core/analysis/analyze.ts';
import { registrableDomain } from '../../src/core/cookie/domain.ts';
import { parseTraceFile } from '../../src/core/open/readTrace.ts';
import { CORPORA } from '../helpers/shared.ts';

const FRAMEWORKS = new URL('../fixtures/framework-har/', import.meta.url).pathname;
const REAL_TRAFFIC = `${CORPORA}real-traffic/`;
const RECORDINGS = [
  ...readdirSync(FRAMEWORKS).map((f) => `${FRAMEWORKS}${f}`),
  ...readdirSync(REAL_TRAFFIC).map((f) => `${REAL_TRAFFIC}${f}`),
].filter((p) => p.endsWith('.har'));

/** Evidence naming a request the lane's cookie itself was on: the response that cleared it, the login carrying it. */
const OWN_REQUEST = /^(?:cleared at the logout|carried by the login) at entry (\d+)/;

/** Each lane's evidence that names an entry on another site than the lane's, as `cookie@site: evidence (entry's site)`. */
function foreignEvidence(path: string): string[] {
  const trace = parseTraceFile(readFileSync(path, 'utf8'), path);
  const result = analyzeTrace(trace);
  const urls = new Map(result.requests.map((r) => [r.entry, r.url]));
  return result.sessions.flatMap((lane) => {
    const site = registrableDomain(lane.domain);
    return lane.evidence.flatMap((text) => {
      const entry = OWN_REQUEST.exec(text)?.[1];
      const url = entry === undefined ? undefined : urls.get(Number(entry));
      if (url === undefined) return [];
      const entrySite = registrableDomain(new URL(url).hostname);
      return entrySite === site ? [] : [`${lane.cookie}@${site}: ${text} (${entrySite})`];
    });
  });
}

it('the recordings are there to read', () => {
  expect(RECORDINGS.length).toBeGreaterThan(300);
});

describe.each(RECORDINGS.map((p) => [p.replace(/^.*\//, ''), p]))('%s', (_name, path) => {
  it("each lane's logout and login evidence names requests on the lane's own site", () => {
    expect(foreignEvidence(path)).toEqual([]);
  });
});
