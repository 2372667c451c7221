import { describe, expect, it, vi } from 'vitest';
import { DIAGNOSTICS_KEY, guarded, installDiagnostics } from './diagnostics.ts';

describe('guarded listeners', () => {
  it('count a throw, keep handling the next event, and store the count', async () => {
    const stored: Record<string, unknown>[] = [];
    installDiagnostics({ set: async (items) => void stored.push(items) }, {} as typeof globalThis);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    const listener = guarded('test', (n: number) => {
      if (n === 2) throw new Error('boom');
      seen.push(n);
    });
    for (const n of [1, 2, 3]) listener(n);
    expect(seen).toEqual([1, 3]);
    expect(stored.at(-1)?.[DIAGNOSTICS_KEY]).toMatchObject({ listenerErrors: 1, lastError: 'test: boom' });
  });
});
