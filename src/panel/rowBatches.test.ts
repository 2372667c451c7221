import { describe, expect, it } from 'vitest';
import { batchEnds } from './rowBatches.ts';

/** The batches `ends` cut `texts` into. */
const cut = (texts: readonly string[], ends: readonly number[]) =>
  ends.map((end, i) => texts.slice(i === 0 ? 0 : ends[i - 1], end));

describe('batchEnds', () => {
  const texts = Array.from({ length: 40 }, (_, i) => 'x'.repeat(1 + ((i * 7) % 13)));

  it('cuts every text into exactly one batch, in order, none over the budget', () => {
    const budget = { maxRows: 5, maxChars: 30 };
    const batches = cut(texts, batchEnds(texts, budget));
    expect(batches.flat()).toEqual(texts);
    for (const batch of batches) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.length).toBeLessThanOrEqual(budget.maxRows);
      expect(batch.join('').length).toBeLessThanOrEqual(budget.maxChars);
    }
  });

  it('fills each batch as far as the budget allows', () => {
    const budget = { maxRows: 5, maxChars: 30 };
    const batches = cut(texts, batchEnds(texts, budget));
    batches.slice(0, -1).forEach((batch, i) => {
      const next = batches[i + 1]![0]!;
      expect(batch.length === budget.maxRows || batch.join('').length + next.length > budget.maxChars).toBe(true);
    });
  });

  it('bounds by rows when the characters allow more, and by characters when the rows do', () => {
    const same = Array.from({ length: 10 }, () => 'abcd');
    expect(batchEnds(same, { maxRows: 3, maxChars: 1000 })).toEqual([3, 6, 9, 10]);
    expect(batchEnds(same, { maxRows: 100, maxChars: 8 })).toEqual([2, 4, 6, 8, 10]);
  });

  it('sends a text longer than the budget alone, and no batch for no texts', () => {
    expect(batchEnds(['ab', 'x'.repeat(50), 'cd'], { maxRows: 10, maxChars: 10 })).toEqual([1, 2, 3]);
    expect(batchEnds([], { maxRows: 10, maxChars: 10 })).toEqual([]);
  });
});
