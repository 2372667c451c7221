// Strict field reading for native traces: on top of the HAR field reader (own properties only, a
// TraceInputError naming the file and the location), the checks a format we write ourselves can afford:
// booleans, enumerations, integers, string lists, and no silently ignored wrong types.
import { HarFields, isObject, type JsonObject, kindOf, ownField } from '../har/harFields.ts';

export class NativeFields extends HarFields {
  /** Top-level fields are read with an empty parent location: `.settings` reads as `settings`. */
  override fail(where: string, message: string): never {
    return super.fail(where.startsWith('.') ? where.slice(1) : where, message);
  }

  requiredArray(parent: JsonObject, key: string, where: string): readonly unknown[] {
    const value = ownField(parent, key);
    if (Array.isArray(value)) return value;
    return this.wrong(parent, key, where, 'an array');
  }

  requiredBoolean(parent: JsonObject, key: string, where: string): boolean {
    const value = ownField(parent, key);
    return typeof value === 'boolean' ? value : this.wrong(parent, key, where, 'true or false');
  }

  optionalBoolean(parent: JsonObject, key: string, where: string): boolean | undefined {
    const value = ownField(parent, key);
    if (value === undefined) return undefined;
    return typeof value === 'boolean' ? value : this.wrong(parent, key, where, 'true or false');
  }

  /** A finite number, or (with `integer`) a whole number ≥ 0, such as an entry index. */
  requiredCount(parent: JsonObject, key: string, where: string): number {
    const value = ownField(parent, key);
    return typeof value === 'number' && Number.isInteger(value) && value >= 0
      ? value
      : this.wrong(parent, key, where, 'a whole number ≥ 0');
  }

  optionalNumber(parent: JsonObject, key: string, where: string): number | undefined {
    const value = ownField(parent, key);
    if (value === undefined) return undefined;
    return typeof value === 'number' && Number.isFinite(value) ? value : this.wrong(parent, key, where, 'a number');
  }

  optionalCount(parent: JsonObject, key: string, where: string): number | undefined {
    return ownField(parent, key) === undefined ? undefined : this.requiredCount(parent, key, where);
  }

  requiredOneOf<T extends string>(parent: JsonObject, key: string, where: string, allowed: readonly T[]): T {
    const value = ownField(parent, key);
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const expected = `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
    if (typeof value === 'string')
      this.fail(`${where}.${key}`, `"${key}" must be ${expected}, not ${JSON.stringify(value)}`);
    return this.wrong(parent, key, where, expected);
  }

  optionalOneOf<T extends string>(
    parent: JsonObject,
    key: string,
    where: string,
    allowed: readonly T[],
  ): T | undefined {
    return ownField(parent, key) === undefined ? undefined : this.requiredOneOf(parent, key, where, allowed);
  }

  stringList(parent: JsonObject, key: string, where: string, required: boolean): string[] | undefined {
    const list = required ? this.requiredArray(parent, key, where) : this.optionalArray(parent, key, where);
    if (!list) return undefined;
    return list.map((item, i) =>
      typeof item === 'string' ? item : this.fail(`${where}.${key}[${i}]`, `must be a string, not ${kindOf(item)}`),
    );
  }

  countList(parent: JsonObject, key: string, where: string): number[] | undefined {
    const list = this.optionalArray(parent, key, where);
    return list?.map((item, i) =>
      typeof item === 'number' && Number.isInteger(item) && item >= 0
        ? item
        : this.fail(`${where}.${key}[${i}]`, `must be a whole number ≥ 0, not ${kindOf(item)}`),
    );
  }

  /** Each element of a required array, as an object, with its location. */
  objects(parent: JsonObject, key: string, where: string, required = true): { item: JsonObject; at: string }[] {
    const list = required ? this.requiredArray(parent, key, where) : (this.optionalArray(parent, key, where) ?? []);
    return list.map((_, i) => ({ item: this.element(list, i, `${where}.${key}`), at: `${where}.${key}[${i}]` }));
  }

  private wrong(parent: JsonObject, key: string, where: string, expected: string): never {
    const value = ownField(parent, key);
    const at = `${where}.${key}`;
    if (value === undefined) return this.fail(at, `"${key}" is missing`);
    return this.fail(at, `"${key}" must be ${expected}, not ${kindOf(value)}`);
  }
}

export { isObject, type JsonObject, kindOf, ownField };
