/**
 * session-id-low-entropy: estimated entropy below the threshold (64 bits, OWASP), from the alphabet and length
 * of one ID and from the observed IDs when there are several (method in session/entropy.ts and docs/ENTROPY.md).
 */
import { estimateFromSamples } from '../session/entropy.ts';
import { readClientSideData } from '../session/tokenData.ts';
import { defineRule } from './rule.ts';
import { observedIds } from './sessionIds.ts';

export const sessionIdLowEntropy = defineRule({
  id: 'session-id-low-entropy',
  severity: 'medium',
  title: 'Session ID with too little entropy',
  docs: {
    explanation:
      'The session ID carries fewer random bits than the threshold (64 by default, per OWASP), so an attacker could guess a valid ID. Estimated from the alphabet and length of one ID, and from the positions that vary across several observed IDs.',
    fix: 'Generate session IDs from a cryptographically secure random source with at least 64 bits of entropy (128 recommended): use the framework’s session manager.',
  },
  check(ctx) {
    // Hashes for values (a redacted export read again): a hash's few characters say nothing of the IDs' entropy.
    if (ctx.facts.valuesRedacted) return [];
    return observedIds(ctx).flatMap((group) => {
      // A JWT or signed payload is data, not a random ID: its entropy says nothing (session-client-side-data covers it).
      const opaque = group.ids.filter((id) => readClientSideData(id) === undefined);
      if (opaque.length === 0) return [];
      const estimate = estimateFromSamples(opaque);
      if (estimate.bits >= ctx.settings.minEntropyBits) return [];
      return [
        {
          origin: group.origin,
          cookie: group.cookie,
          entry: group.firstEntry,
          url: group.url,
          message: `${group.cookie} IDs carry about ${estimate.bits} bits of entropy (${estimate.length} characters of ${estimate.alphabet}, ${estimate.samples} ID${estimate.samples === 1 ? '' : 's'} observed${estimate.constantPositions ? `, ${estimate.constantPositions} positions never change` : ''}), below ${ctx.settings.minEntropyBits}.`,
          evidence: {
            bits: estimate.bits,
            method: estimate.method,
            alphabet: estimate.alphabet,
            length: estimate.length,
            samples: estimate.samples,
            ids: opaque.slice(0, 5).map((secret) => ({ secret })),
          },
        },
      ];
    });
  },
});
