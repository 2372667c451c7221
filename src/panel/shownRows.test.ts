import { describe, expect, it } from 'vitest';
import { fingerprint, ShownRows } from './shownRows.ts';

describe('ShownRows', () => {
  it('tells a row the page lacks from one it holds at that position', () => {
    const shown = new ShownRows();
    expect(shown.differs(0, '{"url":"/a"}')).toBe(true);
    expect(shown.differs(0, '{"url":"/a"}')).toBe(false);
    // The same text elsewhere is another row; a changed text at a held position is sent again.
    expect(shown.differs(1, '{"url":"/a"}')).toBe(true);
    expect(shown.differs(0, '{"url":"/b"}')).toBe(true);
    expect(shown.differs(0, '{"url":"/b"}')).toBe(false);
  });

  it('forgets rows the page dropped (truncated, or all of them)', () => {
    const shown = new ShownRows();
    shown.differs(0, 'a');
    shown.differs(1, 'b');
    shown.truncate(1);
    expect(shown.differs(0, 'a')).toBe(false);
    expect(shown.differs(1, 'b')).toBe(true);
    shown.clear();
    expect(shown.differs(0, 'a')).toBe(true);
  });

  it('fingerprints texts that differ by one character, or only in order, differently', () => {
    const base = JSON.stringify({ cookies: ['sid=1', 'theme=dark'], status: 200 });
    const prints = new Set(
      [base, base.replace('sid=1', 'sid=2'), base.replace('200', '201'), `${base} `].map(fingerprint),
    );
    expect(prints.size).toBe(4);
    expect(fingerprint('ab')).not.toBe(fingerprint('ba'));
    expect(fingerprint(base)).toBe(fingerprint(String(base)));
    expect(Number.isSafeInteger(fingerprint(base))).toBe(true);
  });
});
