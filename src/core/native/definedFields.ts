// Builds an object from fields that may be undefined, leaving the undefined ones out entirely. Readers and
// writers of our formats never emit `"key": undefined` (a key present with no value would make two equal
// traces compare unequal and clutter a re-export), and spelling `...(x !== undefined ? { x } : {})` for each
// optional field buried the shape of what was read.

/** The keys whose type admits undefined become optional keys without undefined. */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

export function definedFields<T extends Record<string, unknown>>(fields: T): Defined<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Defined<T>;
}
