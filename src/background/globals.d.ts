// Build-time constants replaced by Vite's `define` (vite.config.ts).

/** True only in the E2E build (SESSIONSCOPE_E2E=1): turns on test-hooks.ts. */
declare const __SESSIONSCOPE_E2E__: boolean;
