// Prints, for every file of the real-traffic corpus, the sessions found (confidence, third party) and the
// lifecycle findings at medium or above, against labels.json: what a reviewer reads to judge identification.
// `node --import tsx scripts/real-traffic-report.ts [--verbose]`
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTrace } from '../src/core/analysis/analyze.ts';
import { parseHar } from '../src/core/har/har.ts';

const DIR = new URL('../test/fixtures/corpora/real-traffic/', import.meta.url).pathname;
const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')).files as Record<
  string,
  { sessionCookies: { cookie: string; verdict: string }[]; notSessions: { cookie: string }[] }
>;
const verbose = process.argv.includes('--verbose');
let medium = 0;
let notSessionsWrong = 0;
let notSessionsPossible = 0;
let sessionsMissed = 0;
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.har'))) {
  let result: ReturnType<typeof analyzeTrace>;
  try {
    result = analyzeTrace(parseHar(readFileSync(join(DIR, file), 'utf8'), file));
  } catch (e) {
    console.log(`${file}: REFUSED ${(e as Error).message}`);
    continue;
  }
  const label = labels[file];
  const lines: string[] = [];
  for (const s of result.sessions) {
    const labelledNot = label?.notSessions.some((n) => n.cookie === s.cookie) === true;
    const wrong = labelledNot && s.confidence !== 'possible';
    if (wrong) notSessionsWrong++;
    else if (labelledNot) notSessionsPossible++;
    if (verbose || wrong)
      lines.push(
        `  ${wrong ? 'WRONG ' : ''}session ${s.cookie} @${s.origin} ${s.confidence}${s.thirdParty ? ' 3p' : ''}: ${s.evidence.join('; ')}`,
      );
  }
  for (const sc of label?.sessionCookies ?? []) {
    if (sc.verdict !== 'SESSION') continue;
    if (!result.sessions.some((s) => s.cookie === sc.cookie)) {
      sessionsMissed++;
      lines.push(`  MISSED ${sc.cookie}`);
    }
  }
  for (const f of result.findings) {
    if (f.severity !== 'medium' && f.severity !== 'high') continue;
    if (!f.rule.startsWith('session-')) {
      if (verbose) lines.push(`  attr ${f.severity} ${f.rule} ${f.cookie} #${f.entry}`);
      continue;
    }
    medium++;
    lines.push(`  ALARM ${f.severity} ${f.rule} ${f.cookie} #${f.entry} ${f.origin} ${f.cause ?? f.reason ?? ''}`);
  }
  if (lines.length > 0) console.log(`${file}\n${lines.join('\n')}`);
}
console.log(
  `lifecycle alarms >= medium: ${medium}; notSessions taken as likely/certain: ${notSessionsWrong}; sessions missed: ${sessionsMissed}` +
    `; notSessions listed as possible: ${notSessionsPossible}`,
);
