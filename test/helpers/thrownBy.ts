// The TraceInputError a reader throws, for tests that check its message and where it points.
import { expect } from 'vitest';
import { TraceInputError } from '../../src/core/trace/types.ts';

export function thrownBy(run: () => unknown): TraceInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TraceInputError);
    return error as TraceInputError;
  }
  throw new Error('expected a TraceInputError, nothing was thrown');
}
