/**
 * A reading of the facts several rules share (the ID transitions, the observed IDs), made once per analysis:
 * each analysis hands its rules one facts object, so the first rule to ask computes it and the rest reuse it.
 */
import type { RuleContext } from './rule.ts';

export function perFacts<T>(compute: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const made = new WeakMap<RuleContext['facts'], T>();
  return (ctx) => {
    if (made.has(ctx.facts)) return made.get(ctx.facts) as T;
    const value = compute(ctx);
    made.set(ctx.facts, value);
    return value;
  };
}
