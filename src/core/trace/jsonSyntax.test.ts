// The JSON error locator agrees with JSON.parse on what is JSON, and points at the right place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns } from '../../../test/helpers/fuzzRuns.ts';
import { findJsonSyntaxError, lineColumnAt } from './jsonSyntax.ts';

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1 "b":2}', 7, "expected ',' or '}' after a property value"],
    ['[1,]', 3, 'expected a value'],
    ['{"a":1,}', 7, 'a property name in double quotes'],
    ['{a:1}', 1, "a property name in double quotes or '}'"],
    ['{"a" 1}', 5, "':' after a property name"],
    ['[1 2]', 3, "',' or ']' after an array element"],
    ['"a\\x"', 2, 'invalid escape \\x'],
    ['"a\nb"', 2, 'unescaped control character'],
    ['01', 1, 'nothing after the end'],
    ['-x', 1, 'a digit'],
    ['1.e5', 2, "a digit after '.'"],
    ['nul1', 0, 'expected a value'],
    ['{} {}', 3, 'nothing after the end'],
  ])('%j fails at %i: %s', (text, offset, words) => {
    const problem = findJsonSyntaxError(text);
    expect(problem?.offset).toBe(offset);
    expect(problem?.problem).toContain(words);
    expect(problem?.endsEarly).toBe(false);
  });

  it.each(['{', '{"a"', '{"a":', '[1,', '"abc', '"\\u12', 'tru', '-', '1e', '{"a":[{"b":'])('%j ends early', (text) => {
    expect(findJsonSyntaxError(text)).toEqual({
      offset: text.length,
      problem: 'the file ends early (truncated?)',
      endsEarly: true,
    });
  });

  it('calls an empty text empty, not truncated', () => {
    expect(findJsonSyntaxError(' \n ')?.problem).toBe('the file is empty');
  });

  it('survives nesting far deeper than any call stack', () => {
    const deep = '['.repeat(200_000);
    expect(findJsonSyntaxError(deep)?.endsEarly).toBe(true);
    expect(findJsonSyntaxError(`${deep}${']'.repeat(200_000)}`)).toBeUndefined();
  });

  it('accepts exactly what JSON.parse accepts (valid JSON texts)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value, null, '\t')),
        ),
        (text) => {
          expect(findJsonSyntaxError(text)).toBeUndefined();
        },
      ),
      { numRuns: fuzzRuns(0.4) },
    );
  });

  it('accepts exactly what JSON.parse accepts (mutated JSON texts)', () => {
    const mutated = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', '{', '[', '\n', '0', '-', '.'),
      )
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (cut % 3));
      });
    fc.assert(
      fc.property(mutated, (text) => {
        const problem = findJsonSyntaxError(text);
        expect(problem === undefined).toBe(isJson(text));
        if (problem) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: fuzzRuns(0.6) },
    );
  });
});

describe('lineColumnAt', () => {
  it('counts lines at "\\n" and columns from 1', () => {
    const text = 'ab\r\ncd\nef';
    expect(lineColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 4)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt(text, 8)).toEqual({ line: 3, column: 2 });
    expect(lineColumnAt(text, text.length)).toEqual({ line: 3, column: 3 });
  });
});
