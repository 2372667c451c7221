// The HAR 1.2 JSON Schema check of the unit tests (test/unit/formats-har.test.ts), for E2E files: the
// `har-schema` package's schemas (draft-06, one per object, `$ref` by file name) compiled with Ajv.
import { createRequire } from 'node:module';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

/** Validates a parsed HAR document; returns the schema's complaints (empty when it is valid HAR 1.2). */
export function harSchemaErrors(har: unknown): ErrorObject[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const schemas = require('har-schema') as Record<string, { $id: string }>;
  for (const schema of Object.values(schemas)) if (schema.$id !== 'har.json#') ajv.addSchema(schema);
  const validate = ajv.compile(schemas.har!);
  validate(har);
  return validate.errors ?? [];
}
