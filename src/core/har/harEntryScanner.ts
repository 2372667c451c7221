/**
 * Cuts a HAR's bytes, chunk by chunk, into the texts of `log.entries[i]` (and of the other `log` fields) and
 * parses each with the engine's own JSON.parse. Only the three outer levels of the document (the root object,
 * `log`, the `entries` array) are walked here, byte by byte; every value inside them is found by counting
 * brackets outside strings. Why not a JavaScript JSON tokenizer: it was 38 % of the time of a streamed
 * analysis (bench/RESULTS.md row 3), while native JSON.parse on one entry's text is many times faster.
 *
 * Scanning bytes rather than decoded text is safe for UTF-8: every structural character (`{ } [ ] " \ , :`) is
 * ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80, so a character split across chunks can
 * never be mistaken for one. Each cut value is decoded whole, so split characters decode correctly too.
 */
import { findJsonSyntaxError } from '../trace/jsonSyntax.ts';
import { inFile } from '../trace/jsonText.ts';
import { TraceInputError } from '../trace/types.ts';

export interface HarScanHandlers {
  /** One element of `log.entries`, parsed, with its position in the file. */
  readonly entry: (raw: unknown, index: number, byteOffset: number) => void;
  /** A field of `log` other than `entries` (creator, browser, pages…), parsed. */
  readonly logField?: (key: string, value: unknown) => void;
  /** `log` or `log.entries` is not what a HAR has: the stand-in value has the kind found (for the message). */
  readonly notAHar: (path: 'root' | 'log' | 'log.entries', standIn: unknown) => never;
}

/** Where the scanner is in the document's outer structure. */
/**
 * The file ended before its JSON did, after `log.entries` had begun: the entries read whole before the end still
 * make a trace (a download or an export cut short keeps what it had; harTruncation.ts words the warning).
 */
export interface EarlyEnd {
  /** Entries read whole before the end. */
  readonly entriesRead: number;
  /** The end fell inside an element of `log.entries` (that entry is lost), not between or after them. */
  readonly insideEntry: boolean;
  /** The file's length in bytes: where it ends. */
  readonly byteLength: number;
}

enum At {
  Start,
  /** Inside an object (the root or `log`): a key, or the end of an empty object. */
  KeyOrEnd,
  /** After a `,` in an object: a key. */
  Key,
  InKey,
  Colon,
  Value,
  /** After a value in an object or the entries array: `,` or the end. */
  AfterValue,
  /** At the start of the entries array: an element or `]`. */
  ElementOrEnd,
  /** After a `,` in the entries array. */
  Element,
  /** Cutting one value (an entry, a field): brackets counted outside strings. */
  Cutting,
  Done,
}

/** Which container the outer walk is in. */
enum Level {
  Root,
  Log,
  Entries,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** A value of the kind its first byte announces, for "not a HAR: … must be an object, not an array" messages. */
function standInFor(first: number): unknown {
  if (first === OPEN_BRACE) return {};
  if (first === OPEN_BRACKET) return [];
  if (first === QUOTE) return '';
  if (first === 0x74 || first === 0x66) return true;
  if (first === 0x6e) return null;
  return 0;
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

export class HarEntryScanner {
  private at: At = At.Start;
  private level: Level = Level.Root;
  /** The key whose value comes next (root or `log` level). */
  private key = '';
  private seenLog = false;
  private seenEntries = false;
  /** Bytes of the key or value being cut, from earlier chunks. */
  private pieces: Uint8Array[] = [];
  private cutStart = 0;
  /** Where in the file the value being cut starts. */
  private valueOffset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A scalar value (number, true, false, null) ends at the first delimiter, not at a bracket. */
  private scalar = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private readonly encoder = new TextEncoder();
  private started = false;
  /** Bytes consumed by earlier chunks: offsets in messages are from the start of the file. */
  bytesRead = 0;
  entryCount = 0;

  constructor(
    private readonly file: string | undefined,
    private readonly handlers: HarScanHandlers,
  ) {}

  /** Feeds the next piece of the file. Throws TraceInputError as soon as the file is known to be wrong. */
  write(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === 'string' ? this.encoder.encode(chunk) : chunk;
    const base = this.bytesRead;
    this.bytesRead += bytes.length;
    let i = 0;
    if (!this.started && bytes.length > 0) {
      this.started = true;
      if (BYTE_ORDER_MARK.every((b, k) => bytes[k] === b)) i = 3;
    }
    // The offsets below stay relative to the chunk as given (the mark included).
    const n = bytes.length;
    while (i < n) {
      if (this.at === At.Cutting) {
        i = this.cut(bytes, i);
        continue;
      }
      if (this.at === At.InKey) {
        i = this.cutKey(bytes, i);
        continue;
      }
      const b = bytes[i]!;
      if (isSpace(b)) {
        i++;
        continue;
      }
      this.structural(b, base + i);
      const now = this.at as At;
      if (now === At.Cutting || now === At.InKey) this.cutStart = i;
      if (now === At.Cutting && this.scalar) continue; // the scalar's first byte is part of it
      i++;
    }
    if (this.at === At.Cutting || this.at === At.InKey) {
      // Keep the unfinished part: copied, since the caller may reuse its buffer.
      this.pieces.push(bytes.slice(this.cutStart));
      this.cutStart = 0;
    }
  }

  /**
   * The whole file was written. Throws TraceInputError when it is empty, not a HAR, or cut short before
   * `log.entries` began; a file cut short after that is told by the EarlyEnd returned (undefined when whole).
   */
  end(): EarlyEnd | undefined {
    if (this.at === At.Start) throw this.error('not JSON: the file is empty');
    if (this.at !== At.Done) {
      if (!this.seenEntries) throw this.error('not JSON: the file ends early (truncated?)');
      const insideEntry = this.level === Level.Entries && this.at === At.Cutting;
      return { entriesRead: this.entryCount, insideEntry, byteLength: this.bytesRead };
    }
    if (!this.seenLog) this.handlers.notAHar('root', {});
    if (!this.seenEntries) this.handlers.notAHar('log', {});
    return undefined;
  }

  private error(message: string, where?: string): TraceInputError {
    return new TraceInputError(inFile(this.file, message), where);
  }

  private unexpected(b: number, offset: number): TraceInputError {
    return this.error(`not JSON: unexpected ${JSON.stringify(String.fromCharCode(b))}`, `byte ${offset}`);
  }

  /** One significant byte of the outer structure. */
  private structural(b: number, offset: number): void {
    switch (this.at) {
      case At.Start:
        if (b !== OPEN_BRACE) {
          if (
            b === OPEN_BRACKET ||
            b === QUOTE ||
            b === 0x74 ||
            b === 0x66 ||
            b === 0x6e ||
            b === 0x2d ||
            (b >= 0x30 && b <= 0x39)
          )
            this.handlers.notAHar('root', standInFor(b));
          throw this.unexpected(b, offset);
        }
        this.at = At.KeyOrEnd;
        return;
      case At.KeyOrEnd:
      case At.Key:
        if (b === QUOTE) {
          this.at = At.InKey;
          this.inString = true;
          this.escaped = false;
          return;
        }
        if (b === CLOSE_BRACE && this.at === At.KeyOrEnd) {
          this.closeContainer();
          return;
        }
        throw this.unexpected(b, offset);
      case At.Colon:
        if (b !== COLON) throw this.unexpected(b, offset);
        this.at = At.Value;
        return;
      case At.Value:
        this.startValue(b, offset);
        return;
      case At.ElementOrEnd:
      case At.Element:
        if (b === CLOSE_BRACKET && this.at === At.ElementOrEnd) {
          this.closeContainer();
          return;
        }
        this.startCut(b, offset);
        return;
      case At.AfterValue:
        if (b === COMMA) {
          this.at = this.level === Level.Entries ? At.Element : At.Key;
          return;
        }
        if (b === (this.level === Level.Entries ? CLOSE_BRACKET : CLOSE_BRACE)) {
          this.closeContainer();
          return;
        }
        throw this.unexpected(b, offset);
      case At.Done:
        throw this.error('not JSON: more text after the end of the document', `byte ${offset}`);
      default:
        throw this.unexpected(b, offset);
    }
  }

  /** A value after `key:` at the root or in `log`: walk into `log` and `log.entries`, cut anything else. */
  private startValue(b: number, offset: number): void {
    if (this.level === Level.Root && this.key === 'log') {
      if (b !== OPEN_BRACE) this.handlers.notAHar('log', standInFor(b));
      this.seenLog = true;
      this.level = Level.Log;
      this.at = At.KeyOrEnd;
      return;
    }
    if (this.level === Level.Log && this.key === 'entries') {
      if (b !== OPEN_BRACKET) this.handlers.notAHar('log.entries', standInFor(b));
      this.seenEntries = true;
      this.level = Level.Entries;
      this.at = At.ElementOrEnd;
      return;
    }
    this.startCut(b, offset);
  }

  private startCut(b: number, offset: number): void {
    if (b === CLOSE_BRACE || b === CLOSE_BRACKET || b === COMMA || b === COLON) throw this.unexpected(b, offset);
    this.at = At.Cutting;
    this.valueOffset = offset;
    this.inString = b === QUOTE;
    this.escaped = false;
    this.scalar = b !== OPEN_BRACE && b !== OPEN_BRACKET && b !== QUOTE;
    this.depth = b === OPEN_BRACE || b === OPEN_BRACKET ? 1 : 0;
  }

  private closeContainer(): void {
    if (this.level === Level.Entries) this.level = Level.Log;
    else if (this.level === Level.Log) this.level = Level.Root;
    else {
      this.at = At.Done;
      return;
    }
    this.at = At.AfterValue;
  }

  /** Reads a key's string up to its closing quote. */
  private cutKey(bytes: Uint8Array, from: number): number {
    for (let i = from; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.escaped) this.escaped = false;
      else if (b === BACKSLASH) this.escaped = true;
      else if (b === QUOTE) {
        const text = this.take(bytes, i + 1);
        try {
          this.key = JSON.parse(text) as string;
        } catch {
          throw this.error(`not JSON: a field name is not a valid string (${text.slice(0, 40)})`);
        }
        this.at = At.Colon;
        return i + 1;
      }
    }
    return bytes.length;
  }

  /** Counts brackets outside strings until the value being cut ends; returns where scanning goes on. */
  private cut(bytes: Uint8Array, from: number): number {
    const n = bytes.length;
    let i = from;
    if (this.scalar) {
      while (i < n) {
        const b = bytes[i]!;
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) {
          this.finishValue(this.take(bytes, i));
          return i;
        }
        i++;
      }
      return n;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    while (i < n) {
      const b = bytes[i++]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (depth === 0) break; // a string value: its closing quote ends it
        }
      } else if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (--depth === 0) break;
      }
    }
    this.inString = inString;
    this.escaped = escaped;
    this.depth = depth;
    if (!inString && depth === 0) {
      this.finishValue(this.take(bytes, i));
      return i;
    }
    return n;
  }

  /** The text cut so far, from earlier chunks' pieces and this chunk up to `end`. */
  private take(bytes: Uint8Array, end: number): string {
    const tail = bytes.subarray(this.cutStart, end);
    let text: string;
    if (this.pieces.length === 0) text = this.decoder.decode(tail);
    else {
      const size = this.pieces.reduce((s, p) => s + p.length, 0) + tail.length;
      const whole = new Uint8Array(size);
      let at = 0;
      for (const p of this.pieces) {
        whole.set(p, at);
        at += p.length;
      }
      whole.set(tail, at);
      text = this.decoder.decode(whole);
      this.pieces = [];
    }
    this.cutStart = end;
    return text;
  }

  /** A whole value was cut: parse it and hand it over by where it sits. */
  private finishValue(text: string): void {
    const offset = this.valueOffset;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw this.parseError(text, offset);
    }
    const level = this.level;
    this.at = At.AfterValue;
    this.scalar = false;
    this.inString = false;
    this.depth = 0;
    if (level === Level.Entries) {
      const index = this.entryCount++;
      this.handlers.entry(value, index, offset);
    } else if (level === Level.Log) this.handlers.logField?.(this.key, value);
  }

  /** Where in the file, and why, a cut value is not JSON (the syntax checker points inside the value). */
  private parseError(text: string, offset: number): TraceInputError {
    const where = this.level === Level.Entries ? `log.entries[${this.entryCount}]` : this.key;
    const found = findJsonSyntaxError(text);
    const inside = found ? this.encoder.encode(text.slice(0, found.offset)).length : 0;
    const problem = found?.problem ?? 'JSON.parse refused it';
    return this.error(`not JSON: ${problem} (in ${where})`, `byte ${offset + inside}`);
  }
}
