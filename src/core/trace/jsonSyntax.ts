// Finds where and why a text is not JSON (RFC 8259), so an importer can say "line 8 column 5" in every
// browser and in Node alike: engines word and place JSON.parse errors differently (V8 gives a position,
// Firefox a line and column, older engines nothing). Runs only after JSON.parse has failed.

export interface JsonSyntaxProblem {
  /** Offset (UTF-16 code units) of the offending character, or the text's length when it ends early. */
  readonly offset: number;
  readonly problem: string;
  /** The text stopped inside a value: the classic sign of a truncated download or copy. */
  readonly endsEarly: boolean;
}

/** 1-based line and column of an offset; lines end at "\n" (so "\r\n" counts once). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

type Expect = 'value' | 'value-or-close-array' | 'key-or-close-object' | 'key' | 'colon' | 'after-value' | 'end';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']); // RFC 8259 section 2: ws
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']); // RFC 8259 section 7
const HEX = /^[0-9a-fA-F]{4}$/;
const LITERALS = ['true', 'false', 'null'] as const;

function shown(ch: string): string {
  return ch >= ' ' && ch !== '\u007f' ? `'${ch}'` : JSON.stringify(ch);
}

/**
 * Scans the text as JSON without building anything; returns the first problem, or undefined when the
 * text is valid JSON. Iterative (an explicit stack), so deep nesting cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const containers: ('array' | 'object')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  const endsEarly = (): JsonSyntaxProblem => ({
    offset: n,
    problem: 'the file ends early (truncated?)',
    endsEarly: true,
  });
  const unexpected = (wanted: string): JsonSyntaxProblem => ({
    offset: i,
    problem: `unexpected ${shown(text[i] ?? '')}, expected ${wanted}`,
    endsEarly: false,
  });
  const afterValue = (): Expect => (containers.length === 0 ? 'end' : 'after-value');

  for (;;) {
    while (i < n && WHITESPACE.has(text[i]!)) i++;
    if (i >= n) {
      if (expect === 'end') return undefined;
      if (containers.length === 0 && expect === 'value') {
        return { offset: n, problem: 'the file is empty', endsEarly: false };
      }
      return endsEarly();
    }
    const ch = text[i]!;
    switch (expect) {
      case 'end':
        return unexpected('nothing after the end of the JSON value');
      case 'colon':
        if (ch !== ':') return unexpected("':' after a property name");
        i++;
        expect = 'value';
        continue;
      case 'after-value': {
        const inObject = containers[containers.length - 1] === 'object';
        const close = inObject ? '}' : ']';
        if (ch === ',') {
          i++;
          expect = inObject ? 'key' : 'value';
          continue;
        }
        if (ch === close) {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        return unexpected(inObject ? "',' or '}' after a property value" : "',' or ']' after an array element");
      }
      case 'key-or-close-object':
      case 'key': {
        if (ch === '}' && expect === 'key-or-close-object') {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        if (ch !== '"') {
          return unexpected(
            expect === 'key' ? 'a property name in double quotes' : "a property name in double quotes or '}'",
          );
        }
        const bad = scanString();
        if (bad) return bad;
        expect = 'colon';
        continue;
      }
      case 'value-or-close-array':
        if (ch === ']') {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        break;
      case 'value':
        break;
    }
    // A value starts here.
    if (ch === '{') {
      i++;
      containers.push('object');
      expect = 'key-or-close-object';
      continue;
    }
    if (ch === '[') {
      i++;
      containers.push('array');
      expect = 'value-or-close-array';
      continue;
    }
    const bad = ch === '"' ? scanString() : ch === '-' || (ch >= '0' && ch <= '9') ? scanNumber() : scanLiteral();
    if (bad) return bad;
    expect = afterValue();
  }

  function scanString(): JsonSyntaxProblem | undefined {
    i++; // opening quote
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c < ' ')
        return { offset: i, problem: `unescaped control character ${shown(c)} in a string`, endsEarly: false };
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (HEX.test(hex)) {
            i += 6;
            continue;
          }
          if (i + 6 > n && /^[0-9a-fA-F]*$/.test(hex)) break;
          return { offset: i, problem: 'invalid \\u escape in a string', endsEarly: false };
        }
        if (!ESCAPES.has(e)) return { offset: i, problem: `invalid escape \\${e} in a string`, endsEarly: false };
        i += 2;
        continue;
      }
      i++;
    }
    return endsEarly();
  }

  // RFC 8259 section 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  function scanNumber(): JsonSyntaxProblem | undefined {
    const digits = (): number => {
      const start = i;
      while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
      return i - start;
    };
    const needDigits = (what: string): JsonSyntaxProblem | undefined => {
      if (digits() > 0) return undefined;
      return i >= n ? endsEarly() : unexpected(what);
    };
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else {
      const bad = needDigits('a digit');
      if (bad) return bad;
    }
    if (text[i] === '.') {
      i++;
      const bad = needDigits("a digit after '.'");
      if (bad) return bad;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      const bad = needDigits('a digit in the exponent');
      if (bad) return bad;
    }
    return undefined;
  }

  function scanLiteral(): JsonSyntaxProblem | undefined {
    for (const word of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
      const rest = text.slice(i);
      if (rest.length < word.length && word.startsWith(rest)) return endsEarly();
    }
    return unexpected('a value');
  }
}
