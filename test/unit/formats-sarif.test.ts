// `sessionscope analyze --format sarif` validates against the SARIF 2.1.0 JSON Schema (schema/, from
// @microsoft/jest-sarif, see schema/README.md), for every demo fixture, several files at once, and file
// names that are not URI-safe.
import { readdirSync, readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { artifactUri } from '../../src/cli/sarifReport.ts';
import { runCli } from '../helpers/runCli.ts';

const DEMO = new URL('../fixtures/demo-har/', import.meta.url).pathname;
const FIXTURES = readdirSync(DEMO)
  .filter((f) => f.endsWith('.har'))
  .sort();
// The schema's language-tag pattern is not valid with the RegExp "u" flag, hence unicodeRegExp: false.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(
  JSON.parse(readFileSync(new URL('../../schema/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')),
);

async function sarif(files: readonly string[], readFile?: (path: string) => string) {
  const { code, stdout } = await runCli(['analyze', ...files, '--format', 'sarif'], readFile ? { readFile } : {});
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

function expectValid(doc: unknown): void {
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}

describe('SARIF 2.1.0', () => {
  it.each(FIXTURES)('%s validates', async (name) => {
    const doc = await sarif([`${DEMO}${name}`]);
    expectValid(doc);
    expect(doc.runs[0].results.length).toBeGreaterThan(0);
  });

  it('several files give several runs, and validate', async () => {
    const doc = await sarif(FIXTURES.map((f) => `${DEMO}${f}`));
    expectValid(doc);
    expect(doc.runs).toHaveLength(FIXTURES.length);
  });

  it('file names with spaces, brackets, non-ASCII, Windows separators and "-" still validate', async () => {
    const text = readFileSync(`${DEMO}rotation.har`, 'utf8');
    const names = ['my trace [1] ü.har', '-', 'C:\\Users\\me\\trace #2.har', 'dir/50%.har'];
    const doc = await sarif(names, () => text);
    expectValid(doc);
    expect(doc.runs.map((r: { artifacts: { location: { uri: string } }[] }) => r.artifacts[0]!.location.uri)).toEqual([
      'my%20trace%20%5B1%5D%20%C3%BC.har',
      '-',
      'file:///C:/Users/me/trace%20%232.har',
      'dir/50%25.har',
    ]);
  });

  it('absolute paths become file: URLs', () => {
    expect(artifactUri('/tmp/a b.har')).toBe('file:///tmp/a%20b.har');
  });

  it('the schema does refuse a broken document (the check is not vacuous)', async () => {
    const doc = await sarif([`${DEMO}rotation.har`]);
    doc.runs[0].results[0].level = 'fatal';
    expect(validate(doc)).toBe(false);
  });
});
