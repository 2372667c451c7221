import { describe, expect, it } from 'vitest';
import { definedFields } from './definedFields.ts';

describe('definedFields', () => {
  it('leaves out the keys whose value is undefined and keeps every other value, falsy ones included', () => {
    const out = definedFields({ a: 1, b: undefined as string | undefined, c: '', d: false, e: null, f: 0 });
    expect(Object.keys(out)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(out).toStrictEqual({ a: 1, c: '', d: false, e: null, f: 0 });
  });
});
