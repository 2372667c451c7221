#!/usr/bin/env node
// Rebuilds src/core/session/data/open-cookie-database.json from the Open Cookie Database's CSV
// (jkwakman/Open-Cookie-Database, `open-cookie-database.csv`, Apache-2.0): the maintained public list of cookie
// names, platforms and purposes that session identification uses as evidence *against* a cookie being a session
// (RULES.md, "What is a session cookie"). Usage:
//   node scripts/refresh-cookie-database.mjs PATH_OR_URL_OF_CSV COMMIT
// The dataset's four categories are coarse (bot-protection and load-balancer cookies are "Functional"), so each
// row's purpose is refined from the dataset's own description, by the first matching pattern of PURPOSES below.
import { readFileSync, writeFileSync } from 'node:fs';

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

/**
 * Purpose of a row, first match wins. Session-like descriptions come before geolocation and preferences (a
 * "session" cookie that also mentions a language is still a session), after bot protection and load balancing
 * (Imperva's `incap_ses_*` is described as a session of its CDN, not of the site).
 */
const PURPOSES = [
  ['bot-protection', /\bbots?\b|fraud|captcha|ddos|malicious|web application firewall|trusted web traffic/i],
  ['affinity', /load.?balanc|sticky|same server|which server|server (node|instance)|one out of multiple servers/i],
  ['consent', /consent|cookie (banner|notice|preferences)/i],
  ['csrf', /csrf|xsrf|forgery/i],
  ['session', /session|logged.?in|log.?in|authenticat|sign.?in/i],
  ['geolocation', /geolocat|geographic|country|region/i],
  ['preference', /preference|language|currency|locale|theme|setting/i],
  ['ab-test', /a\/b|split test|experiment|variant/i],
];
const CATEGORY_PURPOSE = { Marketing: 'advertising', Analytics: 'analytics' };
/** A platform that says what it is outranks the description: App Insights' `ai_session` is a visit, not a login. */
const PLATFORM_PURPOSES = [
  ['bot-protection', /bot ?man|incapsula|imperva|perimeterx|datadome|captcha|distil/i],
  ['analytics', /analytics|insights|hotjar|mixpanel|segment|matomo|piwik|new relic/i],
  // An ad product's "Functional" row is still its ad product's: Google AdSense's `ANID` is described with Google's
  // boilerplate of "a user's session, such as the content of a shopping cart".
  ['advertising', /ad ?sense|ad ?words|ad ?manager|double ?click|advertis/i],
];

/**
 * Edge networks (CDNs, their firewalls and waiting rooms) set cookies of their own on the sites they serve: Akamai's
 * `ak_bmsc` and `AKA_A2`, Cloudflare's `_cfuvid` and `__cfwaitingroom`. A row of such a platform that no description
 * places elsewhere (a load balancer's stays affinity) is the network's, never the application's session.
 */
const EDGE_PLATFORM = /akamai|cloudflare|fastly|cloudfront|sucuri|stackpath|edgio|limelight/i;

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
    const category = r[CATEGORY].trim();
    const description = r[DESCRIPTION] ?? '';
    // Advertising and analytics keep their category whatever the text says ("session" there means a visit).
    const platform = r[PLATFORM] ?? '';
    const purpose =
      CATEGORY_PURPOSE[category] ??
      PLATFORM_PURPOSES.find(([, re]) => re.test(platform))?.[0] ??
      PURPOSES.find(([, re]) => re.test(description))?.[0] ??
      (EDGE_PLATFORM.test(platform) ? 'edge' : 'functional');
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
