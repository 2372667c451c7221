// Where the independent test data lives: `test/fixtures/corpora/`, copied into the repository from the corpora the
// project was handed (each folder's README names its source, commit and licence), so a fresh clone has it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** With a trailing slash, so `${CORPORA}har/x.har` reads like the path it is. */
export const CORPORA = `${resolve(REPO_ROOT, 'test/fixtures/corpora')}/`;

/**
 * The HAR corpus's files broken on purpose (its README says which): not JSON, not a HAR, truncated. Every reader
 * must refuse them with a message naming the problem; every other file of the corpus must be read.
 */
export const BROKEN_CORPUS_HARS: readonly string[] = [
  'harviewer-not-json.har',
  'harviewer-not-valid.har',
  'mitmproxy-brokenfile.har',
];
