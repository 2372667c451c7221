// Reads named fields out of untrusted JSON: own properties only (so "__proto__" or "constructor" in a
// file, or an inherited property, is never mistaken for data), checked types, and a TraceInputError that
// names the file and the field's location when a required field is missing or of the wrong type.
import { inFile } from '../trace/jsonText.ts';
import { TraceInputError, type TraceInputWarning } from '../trace/types.ts';

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field's value when the object itself has it; never a value from the prototype chain. */
export function ownField(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** "a number", "an array", "null": for messages about what a field held instead. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A string as is, a number or boolean as its string form, absent or null as ""; undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A message from anything thrown, without trusting it (its `message` getter or toString may throw too). */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
    return String(thrown);
  } catch {
    return 'an unreadable error';
  }
}

/** Field access bound to one file, so every error names it. `where` is the parent's location. */
export class HarFields {
  /**
   * Repairs made while reading the current entry (a field dropped or replaced so the entry could still be read);
   * the importer gives each entry a fresh list, so the notes stay with their entry.
   */
  notes: TraceInputWarning[] = [];

  /**
   * The ids `log.pages` lists, where the file gives them before its entries (as Chrome, Firefox and most writers do;
   * a streamed reader knows no more when it reads an entry): an entry whose pageref is none of them is in a frame's
   * page (harEntry.ts). Undefined when the log lists none, or lists them after its entries.
   */
  listedPages: ReadonlySet<string> | undefined;

  /** A Cookie or Set-Cookie value the recorder stripped was noted already (harEntry.ts): said once per file. */
  strippedCookiesNoted = false;

  constructor(readonly file: string | undefined) {}

  fail(where: string, message: string): never {
    throw new TraceInputError(inFile(this.file, message), where, message);
  }

  /** Notes a repair of a field the analysis can do without. */
  note(where: string, message: string): void {
    this.notes.push({ where, message });
  }

  /** Throws TraceInputError as is; wraps anything else as a TraceInputError at `where`. */
  asInputError(thrown: unknown, where: string, what: string): TraceInputError {
    if (thrown instanceof TraceInputError) return thrown;
    const problem = `${what} could not be read (${describeThrown(thrown)})`;
    return new TraceInputError(inFile(this.file, problem), where, problem);
  }

  private missingOrWrong(parent: JsonObject, key: string, where: string, expected: string): never {
    const value = ownField(parent, key);
    if (value === undefined) this.fail(`${where}.${key}`, `"${key}" is missing`);
    this.fail(`${where}.${key}`, `"${key}" must be ${expected}, not ${kindOf(value)}`);
  }

  requiredObject(parent: JsonObject, key: string, where: string): JsonObject {
    const value = ownField(parent, key);
    return isObject(value) ? value : this.missingOrWrong(parent, key, where, 'an object');
  }

  requiredString(parent: JsonObject, key: string, where: string): string {
    const value = ownField(parent, key);
    return typeof value === 'string' ? value : this.missingOrWrong(parent, key, where, 'a string');
  }

  requiredNumber(parent: JsonObject, key: string, where: string): number {
    const value = ownField(parent, key);
    return typeof value === 'number' && Number.isFinite(value)
      ? value
      : this.missingOrWrong(parent, key, where, 'a number');
  }

  /** undefined when absent or null; a TraceInputError when present with another type. */
  optionalObject(parent: JsonObject, key: string, where: string): JsonObject | undefined {
    const value = ownField(parent, key);
    if (value === undefined || value === null) return undefined;
    return isObject(value) ? value : this.missingOrWrong(parent, key, where, 'an object');
  }

  optionalString(parent: JsonObject, key: string, where: string): string | undefined {
    const value = ownField(parent, key);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : this.missingOrWrong(parent, key, where, 'a string');
  }

  optionalArray(parent: JsonObject, key: string, where: string): readonly unknown[] | undefined {
    const value = ownField(parent, key);
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? value : this.missingOrWrong(parent, key, where, 'an array');
  }

  /**
   * Text a sloppy exporter may have written as a number or boolean (header values, cookie values):
   * those become their string form, absent or null becomes "", anything else is an error.
   */
  lenientText(parent: JsonObject, key: string, where: string): string {
    const value = ownField(parent, key);
    const text = scalarText(value);
    return text ?? this.missingOrWrong(parent, key, where, 'a string');
  }

  /**
   * An object the analysis can do without (postData, a response): absent or null is undefined, and so is
   * any other kind, noted as ignored, so the rest of the entry is still read.
   */
  lenientObject(parent: JsonObject, key: string, where: string): JsonObject | undefined {
    const value = ownField(parent, key);
    if (value === undefined || value === null) return undefined;
    if (isObject(value)) return value;
    this.note(`${where}.${key}`, `"${key}" must be an object, not ${kindOf(value)}; ignored`);
    return undefined;
  }

  /** An array the analysis can do without (headers, cookie lists, params): as lenientObject. */
  lenientArray(parent: JsonObject, key: string, where: string): readonly unknown[] | undefined {
    const value = ownField(parent, key);
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value;
    this.note(`${where}.${key}`, `"${key}" must be an array, not ${kindOf(value)}; ignored`);
    return undefined;
  }

  /**
   * An element of such an array that must be an object with a text `name` (a header, a cookie, a param):
   * anything else is noted and dropped (undefined), and the rest of the list is still read.
   */
  namedElement(list: readonly unknown[], position: number, where: string): JsonObject | undefined {
    const value = list[position];
    const at = `${where}[${position}]`;
    if (!isObject(value)) {
      this.note(at, `must be an object, not ${kindOf(value)}; ignored`);
      return undefined;
    }
    if (typeof ownField(value, 'name') !== 'string') {
      this.note(`${at}.name`, `"name" must be a string, not ${kindOf(ownField(value, 'name'))}; ignored`);
      return undefined;
    }
    return value;
  }

  /** An array element that must be an object. */
  element(list: readonly unknown[], position: number, where: string): JsonObject {
    const value = list[position];
    if (isObject(value)) return value;
    return this.fail(`${where}[${position}]`, `must be an object, not ${kindOf(value)}`);
  }
}
