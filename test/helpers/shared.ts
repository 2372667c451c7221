// Where the independent test data lives: `shared/` beside the work tree (DEVELOPERS.md), wherever the clone is —
// CI clones into another folder with a copy of shared/ beside it. SESSIONSCOPE_SHARED overrides.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export const SHARED_DIR = process.env.SESSIONSCOPE_SHARED ?? resolve(REPO_ROOT, '../shared');
/** With a trailing slash, so `${CORPORA}har/x.har` reads like the path it is. */
export const CORPORA = `${SHARED_DIR}/corpora/`;
