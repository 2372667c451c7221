#!/usr/bin/env node
// Rebuilds src/core/session/data/open-cookie-database.json from the Open Cookie Database's CSV
// (jkwakman/Open-Cookie-Database, `open-cookie-database.csv`, Apache-2.0): the maintained public list of cookie
// names, platforms and purposes that session identification uses as evidence *against* a cookie being a session
// (RULES.md, "What is a session cookie"). Usage:
//   node scripts/refresh-cookie-database.mjs PATH_OR_URL_OF_CSV COMMIT
// The dataset's four categories are coarse (bot-protection and load-balancer cookies are "Functional"), so each
// row's purpose is refined from the dataset's own description (scripts/cookiePurpose.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { purposeOf } from './cookiePurpose.mjs';

const [source, commit = 'unknown'] = process.argv.slice(2);
if (!source) {
  console.error('usage: refresh-cookie-database.mjs PATH_OR_URL_OF_CSV COMMIT');
  process.exit(2);
}
const text = /^https?:/.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(csv) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f !== ''));
}

const [header, ...rows] = parseCsv(text);
const col = (name) => {
  const i = header.indexOf(name);
  if (i === -1) throw new Error(`the CSV has no "${name}" column (columns: ${header.join(', ')})`);
  return i;
};
const NAME = col('Cookie / Data Key name');
const CATEGORY = col('Category');
const PLATFORM = col('Platform');
const DOMAIN = col('Domain');
const DESCRIPTION = col('Description');
const WILDCARD = col('Wildcard match');

const entries = rows
  .map((r) => {
    const purpose = purposeOf(r[CATEGORY], r[PLATFORM] ?? '', r[DESCRIPTION] ?? '');
    return [r[NAME].trim(), purpose, r[PLATFORM].trim(), r[DOMAIN].trim(), r[WILDCARD].trim() === '1' ? 1 : 0];
  })
  .filter(([name]) => name !== '')
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const out = {
  about:
    'Open Cookie Database (https://github.com/jkwakman/Open-Cookie-Database), Apache-2.0, by Jiri Kwakman and contributors. ' +
    'Rows: [name, purpose, platform, domain, prefixMatch]. purpose is the dataset category (Marketing → advertising, ' +
    'Analytics → analytics) or, for the others, refined from its description by scripts/refresh-cookie-database.mjs.',
  source: 'jkwakman/Open-Cookie-Database open-cookie-database.csv',
  commit,
  licence: 'Apache-2.0',
  entries,
};
const target = new URL('../src/core/session/data/open-cookie-database.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(out, null, 0).replace(/\],\[/g, '],\n[')}\n`);
const counts = {};
for (const e of entries) counts[e[1]] = (counts[e[1]] ?? 0) + 1;
console.log(`wrote ${entries.length} entries to ${target.pathname}:`, counts);
console.log(`format it as the repository does: npx biome format --write ${target.pathname}`);
