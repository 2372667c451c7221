// How many generated cases each property test tries: 10,000 per parser by default (issue 8's floor for
// CI), more with SESSIONSCOPE_FUZZ_RUNS (`npm run fuzz` sets 200,000). One number for every property
// test, so a longer run lengthens all of them alike.

/** The CI floor per parser. */
export const DEFAULT_FUZZ_RUNS = 10_000;

/** The run count of the whole parser (env SESSIONSCOPE_FUZZ_RUNS, else the default); invalid values are refused loudly. */
export function fuzzRunsTotal(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.SESSIONSCOPE_FUZZ_RUNS;
  if (raw === undefined || raw === '') return DEFAULT_FUZZ_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`SESSIONSCOPE_FUZZ_RUNS must be a positive integer, not ${raw}`);
  return runs;
}

/**
 * Runs for one property: `share` of the parser's total, when several properties together exercise one
 * parser (their shares add up to 1), so the parser still gets the full count.
 */
export function fuzzRuns(share = 1): number {
  return Math.max(1, Math.round(fuzzRunsTotal() * share));
}

/** Test timeouts grow with the run count: `msAtDefault` is what the default count may take on a busy machine. */
export function fuzzTimeout(msAtDefault: number): number {
  return Math.ceil(msAtDefault * Math.max(1, fuzzRunsTotal() / DEFAULT_FUZZ_RUNS));
}
