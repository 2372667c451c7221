/** session-id-predictable: several observed IDs of one cookie share long prefixes, count up, or differ in few characters. */
import { findPredictability, type Predictability } from '../session/entropy.ts';
import { readClientSideData } from '../session/tokenData.ts';
import { defineRule } from './rule.ts';
import { observedIds } from './sessionIds.ts';

const DESCRIBE: { [K in Predictability['kind']]: (p: Extract<Predictability, { kind: K }>) => string } = {
  'common-prefix': (p) => `share their first ${p.prefixLength} of ${p.length} characters`,
  sequential: (p) => `count up (steps of at most ${p.step})`,
  'few-differences': (p) => `differ in at most ${p.maxDifferingChars} of ${p.length} characters from one to the next`,
};

function describe(p: Predictability): string {
  return (DESCRIBE[p.kind] as (p: Predictability) => string)(p);
}

export const sessionIdPredictable = defineRule({
  id: 'session-id-predictable',
  severity: 'high',
  title: 'Predictable session IDs',
  docs: {
    explanation:
      'Several session IDs of this cookie follow a pattern — a long shared prefix, a counter, or only a few changing characters — so an attacker who sees one can guess others.',
    fix: 'Generate each session ID independently from a cryptographically secure random source; never derive it from time, a counter or user data.',
  },
  check(ctx) {
    // Hashes for values (a redacted export read again): their pattern is the hash's, not the IDs'.
    if (ctx.facts.valuesRedacted) return [];
    return observedIds(ctx).flatMap((group) => {
      const opaque = group.ids.filter((id) => readClientSideData(id) === undefined);
      const pattern = findPredictability(opaque);
      if (!pattern) return [];
      return [
        {
          origin: group.origin,
          cookie: group.cookie,
          entry: group.firstEntry,
          url: group.url,
          message: `The ${opaque.length} observed ${group.cookie} IDs ${describe(pattern)}.`,
          evidence: {
            pattern: pattern.kind,
            samples: opaque.length,
            ids: opaque.slice(0, 5).map((secret) => ({ secret })),
          },
        },
      ];
    });
  },
});
