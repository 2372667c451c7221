// Reads named fields out of untrusted JSON: own properties only (so "__proto__" or "constructor" in a
// file, or an inherited property, is never mistaken for data), checked types, and a TraceInputError that
// names the file and the field's location when a required field is missing or of the wrong type.
import { inFile } from './jsonText.ts';
import { TraceInputError } from './types.ts';

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
  constructor(readonly file: string | undefined) {}

  fail(where: string, message: string): never {
    throw new TraceInputError(inFile(this.file, message), where);
  }

  /** Throws TraceInputError as is; wraps anything else as a TraceInputError at `where`. */
  asInputError(thrown: unknown, where: string, what: string): TraceInputError {
    if (thrown instanceof TraceInputError) return thrown;
    return new TraceInputError(inFile(this.file, `${what} could not be read (${describeThrown(thrown)})`), where);
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
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.missingOrWrong(parent, key, where, 'a string');
  }

  /** An array element that must be an object. */
  element(list: readonly unknown[], position: number, where: string): JsonObject {
    const value = list[position];
    if (isObject(value)) return value;
    return this.fail(`${where}[${position}]`, `must be an object, not ${kindOf(value)}`);
  }
}
