/**
 * Reads the data in Ruby's Marshal format (version 4.8), as Rack::Session::Cookie (Sinatra's and Warden's sessions)
 * and Rails before 4.1 write a session into the cookie: signed, not encrypted, so anyone holding the cookie reads it.
 * Only what a session holds is read — nil, true, false, integers, floats, strings, symbols, arrays, hashes, their
 * subclasses (read as their base class) and plain objects (a record of their instance variables, `@` dropped), and big
 * integers; anything else (a class's own dump, a
 * regexp) gives undefined, as does a value cut short or nested or counted past the limits below.
 * https://docs.ruby-lang.org/en/master/marshal_rdoc.html
 */

/** Containers nested deeper, or holding more entries, than any session does: a hostile value is not walked. */
const MAX_DEPTH = 16;
const MAX_ENTRIES = 1_000;

const UTF8 = new TextDecoder('utf-8', { fatal: false });

class Unreadable extends Error {}

/** The value of a Marshal dump, or undefined when it is not one this reader takes. */
export function readRubyMarshal(bytes: Uint8Array): unknown {
  if (bytes[0] !== 4 || bytes[1] !== 8) return undefined;
  try {
    const reader = new MarshalReader(bytes);
    const value = reader.value(0);
    return reader.atEnd ? value : undefined;
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

class MarshalReader {
  private at = 2;
  private readonly symbols: string[] = [];
  /** Objects in the order read: `@` links to one by its place (the integers, nil, true and false are not counted). */
  private readonly objects: unknown[] = [];

  constructor(private readonly bytes: Uint8Array) {}

  get atEnd(): boolean {
    return this.at === this.bytes.length;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Unreadable();
    const type = String.fromCharCode(this.byte());
    switch (type) {
      case '0':
        return null;
      case 'T':
        return true;
      case 'F':
        return false;
      case 'i':
        return this.long();
      case 'l':
        return this.kept(this.bignum());
      case ':':
        return this.newSymbol();
      case ';':
        return this.symbolAt(this.long());
      case '"':
        return this.kept(this.string());
      case 'f':
        return this.kept(Number(this.string()));
      case 'I':
        return this.withInstanceVariables(depth);
      case '[':
        return this.array(depth);
      case '{':
        return this.hash(depth);
      case 'o':
        return this.object(depth);
      case 'C':
        // A subclass of String, Array or Hash (Rails 2's flash, an ActionController::Flash::FlashHash): its class
        // name, then the value as its base class writes it.
        this.symbol();
        return this.value(depth + 1);
      case '@': {
        const index = this.long();
        if (index < 0 || index >= this.objects.length) throw new Unreadable();
        return this.objects[index];
      }
      default:
        throw new Unreadable();
    }
  }

  /** A string (or another value) with instance variables: the encoding's (`E`, `encoding`) are dropped. */
  private withInstanceVariables(depth: number): unknown {
    const value = this.value(depth + 1);
    const count = this.count();
    for (let i = 0; i < count; i++) {
      this.symbol();
      this.value(depth + 1);
    }
    return value;
  }

  private array(depth: number): unknown[] {
    const items: unknown[] = [];
    this.kept(items);
    const count = this.count();
    for (let i = 0; i < count; i++) items.push(this.value(depth + 1));
    return items;
  }

  private hash(depth: number): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    this.kept(record);
    const count = this.count();
    for (let i = 0; i < count; i++) {
      const key = this.value(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number') throw new Unreadable();
      record[String(key)] = this.value(depth + 1);
    }
    return record;
  }

  /** A plain object: its instance variables (Rack's `Rack::Session::SessionId` holds `@public_id`). */
  private object(depth: number): Record<string, unknown> {
    this.symbol();
    const record: Record<string, unknown> = {};
    this.kept(record);
    const count = this.count();
    for (let i = 0; i < count; i++) record[this.symbol().replace(/^@/, '')] = this.value(depth + 1);
    return record;
  }

  private kept<T>(value: T): T {
    this.objects.push(value);
    return value;
  }

  private symbol(): string {
    const type = this.byte();
    if (type === 0x3a) return this.newSymbol();
    if (type === 0x3b) return this.symbolAt(this.long());
    throw new Unreadable();
  }

  private newSymbol(): string {
    const name = this.string();
    this.symbols.push(name);
    return name;
  }

  private symbolAt(index: number): string {
    const name = this.symbols[index];
    if (name === undefined) throw new Unreadable();
    return name;
  }

  private string(): string {
    const length = this.long();
    if (length < 0 || this.at + length > this.bytes.length) throw new Unreadable();
    const text = UTF8.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }

  /** A bignum: its sign, then its magnitude in 16-bit words, little-endian (read as a Number: precision may go). */
  private bignum(): number {
    const sign = this.byte();
    const words = this.count();
    let n = 0;
    for (let i = 0; i < words * 2; i++) n += this.byte() * 2 ** (8 * i);
    return sign === 0x2d ? -n : n;
  }

  private count(): number {
    const count = this.long();
    if (count < 0 || count > MAX_ENTRIES) throw new Unreadable();
    return count;
  }

  /** Marshal's packed integer: 0; 5…127 and −128…−5 offset by 5; else 1 to 4 little-endian bytes, their count signed. */
  private long(): number {
    const c = (this.byte() << 24) >> 24;
    if (c === 0) return 0;
    if (c > 4) return c - 5;
    if (c < -4) return c + 5;
    let n = 0;
    for (let i = 0; i < Math.abs(c); i++) n |= this.byte() << (8 * i);
    const unsigned = n >>> 0;
    return c > 0 ? unsigned : unsigned - 2 ** (8 * -c);
  }

  private byte(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new Unreadable();
    return b;
  }
}
