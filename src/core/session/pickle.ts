/**
 * Reads the data in Python's pickle format (binary protocols 2 to 5), as session stores that keep the session in
 * the cookie write it: Django's signed cookie session with its PickleSerializer (the default before Django 1.6),
 * Bottle's signed cookies. Signed, not encrypted: anyone holding the cookie reads it. Nothing is run: the opcodes
 * that would call code (a class, `datetime.datetime(…)`) give the name of what they would call, as a text
 * (`datetime.datetime(…)`), and the reader goes on. Only the opcodes data is pickled with are read; anything else
 * (protocol 0's text opcodes, persistent IDs, extensions) gives undefined, as does a value cut short, nested or
 * counted past the limits below. https://github.com/python/cpython/blob/main/Lib/pickletools.py
 */

/** Containers nested deeper, or holding more entries, than any session does: a hostile value is not walked. */
const MAX_DEPTH = 16;
const MAX_ENTRIES = 1_000;
/** LONG1's bytes that still make an exact JavaScript number (6 bytes: 47 bits and a sign). */
const MAX_EXACT_LONG_BYTES = 6;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('latin1');

class Unreadable extends Error {}

/** A MARK on the stack: where the items of a SETITEMS, APPENDS or TUPLE begin. */
const MARK: unique symbol = Symbol('mark');

/** What a pickle would call: a class or a function, by its module and name. */
class Callable {
  constructor(readonly name: string) {}
}

/** The value a pickle holds, or undefined when it is not one this reader takes. */
export function readPickle(bytes: Uint8Array): unknown {
  // Protocol 2 and later begin with PROTO; protocol 0 and 1 pickles are not written by the stores read here.
  if (bytes[0] !== 0x80 || bytes.length < 3) return undefined;
  try {
    return new PickleReader(bytes).run();
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

type Item = unknown;

class PickleReader {
  private at = 0;
  private readonly stack: Item[] = [];
  private readonly memo = new Map<number, Item>();
  private readonly tree = new ContainerTree();

  constructor(private readonly bytes: Uint8Array) {}

  run(): unknown {
    while (this.at < this.bytes.length) {
      const op = this.byte();
      if (op === 0x2e /* . STOP */) {
        if (this.at !== this.bytes.length || this.stack.length !== 1) throw new Unreadable();
        return plain(this.pop());
      }
      this.step(op);
    }
    throw new Unreadable();
  }

  /** One opcode. A table by opcode would be the same cases, less readable. */
  private step(op: number): void {
    switch (op) {
      case 0x80 /* PROTO */:
        this.byte();
        return;
      case 0x95 /* FRAME */:
        this.take(8);
        return;
      case 0x7d /* } EMPTY_DICT */:
        this.push({});
        return;
      case 0x5d /* ] EMPTY_LIST */:
        this.push([]);
        return;
      case 0x29 /* ) EMPTY_TUPLE */:
        this.push([]);
        return;
      case 0x8f /* EMPTY_SET */:
        this.push([]);
        return;
      case 0x28 /* ( MARK */:
        this.push(MARK);
        return;
      case 0x71 /* q BINPUT */:
        this.put(this.byte());
        return;
      case 0x72 /* r LONG_BINPUT */:
        this.put(this.uint32());
        return;
      case 0x94 /* MEMOIZE */:
        this.put(this.memo.size);
        return;
      case 0x68 /* h BINGET */:
        this.get(this.byte());
        return;
      case 0x6a /* j LONG_BINGET */:
        this.get(this.uint32());
        return;
      case 0x55 /* U SHORT_BINSTRING: Python 2's str */:
        this.push(LATIN1.decode(this.take(this.byte())));
        return;
      case 0x54 /* T BINSTRING */:
        this.push(LATIN1.decode(this.take(this.uint32())));
        return;
      case 0x43 /* C SHORT_BINBYTES */:
        this.push(LATIN1.decode(this.take(this.byte())));
        return;
      case 0x42 /* B BINBYTES */:
        this.push(LATIN1.decode(this.take(this.uint32())));
        return;
      case 0x8c /* SHORT_BINUNICODE */:
        this.push(this.text(this.byte()));
        return;
      case 0x58 /* X BINUNICODE */:
        this.push(this.text(this.uint32()));
        return;
      case 0x4b /* K BININT1 */:
        this.push(this.byte());
        return;
      case 0x4d /* M BININT2 */:
        this.push(this.byte() | (this.byte() << 8));
        return;
      case 0x4a /* J BININT */:
        this.push(this.uint32() | 0);
        return;
      case 0x8a /* LONG1 */:
        this.push(this.long(this.byte()));
        return;
      case 0x47 /* G BINFLOAT */:
        this.push(new DataView(this.take(8).slice().buffer).getFloat64(0, false));
        return;
      case 0x4e /* N NONE */:
        this.push(null);
        return;
      case 0x88 /* NEWTRUE */:
        this.push(true);
        return;
      case 0x89 /* NEWFALSE */:
        this.push(false);
        return;
      case 0x73 /* s SETITEM */:
        this.setItems(this.stack.length - 2, false);
        return;
      case 0x75 /* u SETITEMS */:
        this.setItems(this.markAt(), true);
        return;
      case 0x61 /* a APPEND */:
        this.append(this.stack.length - 1, false);
        return;
      case 0x65 /* e APPENDS */:
      case 0x90 /* ADDITEMS */:
        this.append(this.markAt(), true);
        return;
      case 0x74 /* t TUPLE */:
        this.tuple(this.markAt(), true);
        return;
      case 0x85 /* TUPLE1 */:
        this.tuple(this.stack.length - 1, false);
        return;
      case 0x86 /* TUPLE2 */:
        this.tuple(this.stack.length - 2, false);
        return;
      case 0x87 /* TUPLE3 */:
        this.tuple(this.stack.length - 3, false);
        return;
      case 0x63 /* c GLOBAL: "module\nname\n" */:
        this.push(new Callable(`${this.line()}.${this.line()}`));
        return;
      case 0x93 /* STACK_GLOBAL */:
        {
          const name = this.pop();
          const module = this.pop();
          if (typeof module !== 'string' || typeof name !== 'string') throw new Unreadable();
          this.push(new Callable(`${module}.${name}`));
          return;
        }
      case 0x52 /* R REDUCE */:
      case 0x81 /* NEWOBJ */:
        this.call(1);
        return;
      case 0x92 /* NEWOBJ_EX */:
        this.call(2);
        return;
      case 0x62 /* b BUILD: the state of the object below; the object's name is what is shown */:
        this.pop();
        return;
      case 0x30 /* 0 POP */:
        this.pop();
        return;
      case 0x31 /* 1 POP_MARK */:
        this.stack.length = this.markAt() - 1;
        return;
      case 0x32 /* 2 DUP */:
        this.push(this.top());
        return;
      default:
        throw new Unreadable();
    }
  }

  private byte(): number {
    if (this.at >= this.bytes.length) throw new Unreadable();
    return this.bytes[this.at++]!;
  }

  private uint32(): number {
    const b = this.take(4);
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  }

  private take(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new Unreadable();
    const bytes = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }

  private text(length: number): string {
    try {
      return UTF8.decode(this.take(length));
    } catch {
      throw new Unreadable();
    }
  }

  /** GLOBAL's module or name: printable text up to a newline. */
  private line(): string {
    const end = this.bytes.indexOf(0x0a, this.at);
    if (end === -1 || end - this.at > 256) throw new Unreadable();
    const text = LATIN1.decode(this.take(end - this.at));
    this.at++;
    if (!/^[\w.]+$/.test(text)) throw new Unreadable();
    return text;
  }

  /** A little-endian two's complement integer of `length` bytes; too long for an exact number: its size, as text. */
  private long(length: number): number | string {
    const b = this.take(length);
    if (length > MAX_EXACT_LONG_BYTES) return `<integer of ${length} bytes>`;
    let value = 0;
    for (let i = length - 1; i >= 0; i--) value = value * 256 + b[i]!;
    return length > 0 && b[length - 1]! >= 0x80 ? value - 2 ** (8 * length) : value;
  }

  private push(item: Item): void {
    if (this.stack.length > MAX_ENTRIES) throw new Unreadable();
    this.stack.push(item);
  }

  private pop(): Item {
    if (this.stack.length === 0) throw new Unreadable();
    const item = this.stack.pop();
    if (item === MARK) throw new Unreadable();
    return item;
  }

  private top(): Item {
    const item = this.stack[this.stack.length - 1];
    if (this.stack.length === 0 || item === MARK) throw new Unreadable();
    return item;
  }

  private put(index: number): void {
    if (this.memo.size >= MAX_ENTRIES) throw new Unreadable();
    this.memo.set(index, this.top());
  }

  private get(index: number): void {
    if (!this.memo.has(index)) throw new Unreadable();
    this.push(this.memo.get(index));
  }

  /** Where the items after the last MARK begin (the MARK itself is just below). */
  private markAt(): number {
    const mark = this.stack.lastIndexOf(MARK);
    if (mark === -1) throw new Unreadable();
    return mark + 1;
  }

  /** The items from `start` on, in pairs, go into the dict below them; `marked`: a MARK below them goes too. */
  private setItems(start: number, marked: boolean): void {
    const items = this.takeItems(start, marked);
    const dict = this.top();
    if (items.length % 2 !== 0 || !isRecord(dict)) throw new Unreadable();
    for (let i = 0; i < items.length; i += 2) {
      if (Object.keys(dict).length >= MAX_ENTRIES) throw new Unreadable();
      const value = this.tree.insert(dict, items[i + 1]);
      // defineProperty: a key `__proto__` is a key like any other, not the object's prototype.
      Object.defineProperty(dict, keyOf(items[i]), { value, enumerable: true, writable: true, configurable: true });
    }
  }

  /** The items from `start` on go into the list (or set) below them; `marked`: a MARK below them goes too. */
  private append(start: number, marked: boolean): void {
    const items = this.takeItems(start, marked);
    const list = this.top();
    if (!Array.isArray(list) || list.length + items.length > MAX_ENTRIES) throw new Unreadable();
    for (const item of items) list.push(this.tree.insert(list, item));
  }

  /** The items from `start` on, as a tuple (a list here); `marked`: a MARK below them goes too. */
  private tuple(start: number, marked: boolean): void {
    const items = this.takeItems(start, marked);
    const tuple: unknown[] = [];
    for (const item of items) tuple.push(this.tree.insert(tuple, item));
    this.push(tuple);
  }

  /** The stack's items from `start` on, taken off it, with the MARK below them when `marked`. */
  private takeItems(start: number, marked: boolean): Item[] {
    if (start < 0 || start > this.stack.length) throw new Unreadable();
    const items = this.stack.splice(start);
    if (items.includes(MARK)) throw new Unreadable();
    if (marked) this.stack.pop();
    return items;
  }

  /** REDUCE and NEWOBJ: what they would call, by name, in place of calling it (`datetime.datetime(…)`). */
  private call(argumentCount: number): void {
    for (let i = 0; i < argumentCount; i++) this.pop();
    const callable = this.pop();
    if (!(callable instanceof Callable)) throw new Unreadable();
    this.push(`${callable.name}(…)`);
  }
}

/**
 * The containers read so far, as a tree: each in one container at most, none in itself or in what it holds, none
 * nested deeper than MAX_DEPTH. A pickle may share a container or make a cycle through its memo; a session does
 * neither, and a cycle would send whatever shows the data round it for ever.
 */
class ContainerTree {
  readonly #parent = new WeakMap<object, object>();
  /** Containers within a container, at their deepest: an empty one is 0. */
  readonly #height = new WeakMap<object, number>();

  /** `item` put into `container`: the item, a class never called written as its name. */
  insert(container: object, item: unknown): unknown {
    if (item instanceof Callable) return item.name;
    if (typeof item !== 'object' || item === null) return item;
    if (this.#parent.has(item)) throw new Unreadable();
    let depth = 1 + (this.#height.get(item) ?? 0);
    for (let above: object | undefined = container; above !== undefined; above = this.#parent.get(above)) {
      if (above === item || depth > MAX_DEPTH) throw new Unreadable();
      if ((this.#height.get(above) ?? 0) < depth) this.#height.set(above, depth);
      depth++;
    }
    this.#parent.set(item, container);
    return item;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Callable);
}

/** A dict's key as a JavaScript key: a text as it is, anything else (a number, a tuple) as JSON. */
function keyOf(key: unknown): string {
  if (typeof key === 'string') return key;
  if (key instanceof Callable) return key.name;
  return JSON.stringify(key) ?? String(key);
}

/** The value with a class that was never called (a GLOBAL left as data) written as its name. */
function plain(value: unknown): unknown {
  return value instanceof Callable ? value.name : value;
}
