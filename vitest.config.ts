import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the layer they test, and end-to-end tests that drive the built
// extension in real browsers against the demo server (they need `npm run build` first).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts', 'demo/**/*.test.ts'],
          environment: 'node',
          // The property tests try 10,000 generated cases per parser; on a loaded 2-core machine one of them
          // can take longer than Vitest's 5 s default without anything being wrong. Time is the benchmarks' job.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // No retry: a test that passes only on its second try hides a race (one such "flake" was a real race in
          // the background, f32d398). A failure fails the run, visibly.
        },
      },
    ],
  },
});
