// session-id-predictable: several observed IDs of one cookie share long prefixes, count up, or differ in few characters.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findingsOf, GOOD, trace } from '../../../test/helpers/traceBuilder.ts';
import { analyzeTrace } from '../analysis/analyze.ts';
import { AnalysisSession } from '../analysis/session.ts';

/** A session whose server hands out each of `ids` in turn (a re-login each time, so nothing else fires). */
function issued(ids: readonly string[]) {
  let scenario = trace().get('https://shop.test/', { cookie: '', setCookie: [`sid=${ids[0]}; ${GOOD}`] });
  for (let i = 1; i < ids.length; i++) {
    scenario = scenario.get('https://shop.test/logout', {
      cookie: `sid=${ids[i - 1]}`,
      setCookie: [`sid=${ids[i]}; ${GOOD}`],
    });
  }
  return scenario.analyze();
}

describe('session-id-predictable', () => {
  it('IDs that count up → sequential', () => {
    const result = issued(['1000000017', '1000000018', '1000000020']);
    const found = findingsOf(result, 'session-id-predictable');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cookie: 'sid', entry: 0, severity: 'medium' }); // a name alone makes the cookie `likely`: at most medium (RULES.md)
    expect(found[0]!.evidence.pattern).toBe('sequential');
  });

  it('IDs that share most of their characters as a prefix → common-prefix', () => {
    const prefix = 'a1b2c3d4e5f60718293a4b5c6d';
    const result = issued([`${prefix}7e8f90`, `${prefix}01dd3c`, `${prefix}9b02fa`]);
    expect(findingsOf(result, 'session-id-predictable').map((f) => f.evidence.pattern)).toEqual(['common-prefix']);
  });

  it('IDs that differ from one to the next in a few scattered characters → few-differences', () => {
    const result = issued(['7f3a9c0e5b2d8f1a4c6e', '7f3a9c1e5b2d8f1a4c6f', '8f3a9c1e5b2d8f1b4c6f']);
    expect(findingsOf(result, 'session-id-predictable').map((f) => f.evidence.pattern)).toEqual(['few-differences']);
  });

  it('a trace whose values are hashes (a redacted export read again): the hashes are not judged, nor their entropy', () => {
    const ids = ['1000000017', '1000000018', '1000000020'];
    let scenario = trace().get('https://shop.test/', { cookie: '', setCookie: [`sid=${ids[0]}; ${GOOD}`] });
    for (let i = 1; i < ids.length; i++)
      scenario = scenario.get('https://shop.test/logout', {
        cookie: `sid=${ids[i - 1]}`,
        setCookie: [`sid=${ids[i]}; ${GOOD}`],
      });
    const built = scenario.build();
    const judged = (t: typeof built) =>
      analyzeTrace(t).findings.filter(
        (f) => f.rule === 'session-id-predictable' || f.rule === 'session-id-low-entropy',
      );
    expect(
      judged(built)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['session-id-low-entropy', 'session-id-predictable']);
    expect(judged({ ...built, source: { ...built.source, valuesRedacted: true } })).toEqual([]);
  });

  it('independent random IDs → nothing', () => {
    const ids = Array.from({ length: 5 }, () => randomBytes(16).toString('hex'));
    expect(findingsOf(issued(ids), 'session-id-predictable')).toEqual([]);
  });

  it('one ID alone says nothing about predictability', () => {
    expect(findingsOf(issued(['1000000017']), 'session-id-predictable')).toEqual([]);
  });

  it('a growing recording: each snapshot judges the IDs observed so far, as the whole trace so far does', () => {
    // Counting-up IDs arrive one by one, with requests of another site between them: each snapshot folds in only
    // the requests that arrived since, and judges every ID observed so far.
    const built = trace()
      .get('https://shop.test/', { cookie: '', setCookie: [`sid=1000000017; ${GOOD}`] })
      .get('https://shop.test/logout', { cookie: 'sid=1000000017', setCookie: [`sid=1000000018; ${GOOD}`] })
      .get('https://shop.test/logout', { cookie: 'sid=1000000018', setCookie: [`sid=1000000020; ${GOOD}`] })
      .get('https://shop.test/logout', { cookie: 'sid=1000000020', setCookie: [`sid=1000000023; ${GOOD}`] })
      .get('https://app.test/', { cookie: '' })
      .get('https://shop.test/logout', { cookie: 'sid=1000000023', setCookie: [`sid=1000000024; ${GOOD}`] })
      .build();
    const rules = new Set(['session-id-predictable', 'session-id-low-entropy']);
    const judged = (findings: readonly { rule: string; message: string }[]) =>
      findings.filter((f) => rules.has(f.rule));
    const session = new AnalysisSession();
    let last: ReturnType<typeof judged> = [];
    built.events.forEach((event, i) => {
      session.feed([event]);
      const events = built.events.slice(0, i + 1);
      last = judged(session.snapshot().result.findings);
      expect(last).toEqual(judged(analyzeTrace({ ...built, events, entryCount: events.length }).findings));
    });
    expect(last.some((f) => f.rule === 'session-id-predictable' && f.message.includes('The 5 observed sid IDs'))).toBe(
      true,
    );
  });
});

describe('a token the server refreshes in place on every page', () => {
  // GitHub's user_session of 2016: each answer writes back the token the request carried with its first 52 of 80
  // characters kept and a new tail. One session updated, not IDs issued one after another.
  const head = randomBytes(39).toString('base64url').slice(0, 52);
  const value = () => `${head}${randomBytes(21).toString('base64url').slice(0, 28)}`;

  it('is an update on each page: no rotation, no predictable IDs', () => {
    const values = [value(), value(), value(), value()];
    let t = trace().get('https://shop.test/', { cookie: '', setCookie: [`user_session=${values[0]}; ${GOOD}`] });
    for (let i = 1; i < values.length; i++)
      t = t.get(`https://shop.test/page${i}`, {
        cookie: `user_session=${values[i - 1]}`,
        setCookie: [`user_session=${values[i]}; ${GOOD}`],
      });
    const result = t.analyze();
    expect(
      result.sessions
        .find((s) => s.cookie === 'user_session')
        ?.ids.slice(0, -1)
        .map((id) => id.endedBy),
    ).toEqual(['updated', 'updated', 'updated']);
    expect(findingsOf(result, 'session-id-predictable')).toEqual([]);
    expect(findingsOf(result, 'session-rotated')).toEqual([]);
  });
});
