// ValueFinder: every known value found anywhere in a text or its percent-decoded form, longest first,
// the same as trying each value at each position (the reading its rolling hash replaced).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_VALUE_LENGTH, ValueFinder } from './valuesInText.ts';

function naiveFind(values: readonly string[], text: string): string[] {
  const known = [...new Set(values.filter((v) => v.length >= MIN_VALUE_LENGTH))];
  const texts = [text];
  try {
    const decoded = decodeURIComponent(text);
    if (decoded !== text) texts.push(decoded);
  } catch {}
  const found = new Set<string>();
  for (const t of texts) for (let i = 0; i < t.length; i++) for (const v of known) if (t.startsWith(v, i)) found.add(v);
  return [...found];
}

describe('ValueFinder', () => {
  it('finds values anywhere, also percent-encoded, longest first', () => {
    const finder = new ValueFinder(['abcdefgh', 'abcdefghij', 'short', 'zz%zz-12345']);
    expect(finder.find('https://x.test/?q=abcdefghij&r=1')).toEqual(['abcdefghij', 'abcdefgh']);
    expect(finder.find('https://x.test/?q=zz%25zz-12345')).toEqual(['zz%zz-12345']);
    expect(finder.find('abcdefg')).toEqual([]);
    expect(finder.find('abcdefgh')).toEqual(['abcdefgh']);
    expect(new ValueFinder(['short']).find('short short')).toEqual([]);
    expect(finder.longest('https://x.test/?a=abcdefgh&q=abcdefghij')).toBe('abcdefghij');
    expect(finder.longest('https://x.test/?q=zz%25zz-12345')).toBe('zz%zz-12345');
    expect(finder.longest('abcdefg')).toBeUndefined();
  });

  it('finds what trying every value at every position finds', () => {
    const chars = fc.constantFrom('a', 'b', 'c', '%', '2', '5', '=', 'é');
    const word = (max: number) => fc.array(chars, { maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word(12), { maxLength: 6 }), word(40), fc.nat(), fc.nat(), (values, base, at, pick) => {
        // Most texts carry one of the values (as is, or percent-encoded), somewhere.
        const value = values.length > 0 ? values[pick % values.length]! : '';
        const inserted = pick % 3 === 0 ? encodeURIComponent(value) : value;
        const cut = at % (base.length + 1);
        const text = base.slice(0, cut) + inserted + base.slice(cut);
        const finder = new ValueFinder(values);
        const got = finder.find(text);
        const want = naiveFind(values, text);
        expect([...got].sort()).toEqual([...want].sort());
        for (let i = 1; i < got.length; i++) expect(got[i - 1]!.length).toBeGreaterThanOrEqual(got[i]!.length);
        // The one-value reading gives find's first: the longest, the first found of equal ones.
        expect(finder.longest(text)).toBe(got[0]);
      }),
      { numRuns: 3000 },
    );
  });
});
