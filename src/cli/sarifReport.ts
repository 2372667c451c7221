/** SARIF 2.1.0 output: one result per finding, rules described from the rule modules (CLI.md `--format sarif`). */
import type { ReportedAnalysis } from '../core/formats/htmlReport.ts';
import { RULES } from '../core/rules/registry.ts';
import type { Severity } from '../core/rules/rule.ts';
import { TOOL } from './tool.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
/** GitHub code scanning reads `security-severity` (0–10) to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '3.0', info: '0.0' };

/**
 * An artifact's `uri` must be a URI reference (SARIF 2.1.0 3.4.3): each path segment percent-encoded (spaces,
 * brackets, non-ASCII), Windows separators as "/", an absolute path as a `file:` URL.
 */
export function artifactUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  const encoded = path
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (path.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(path)) return `file:///${encoded}`;
  return encoded;
}

export function sarifReport(runs: readonly { file: string; result: ReportedAnalysis }[]): unknown {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: runs.map(({ file, result }) => sarifRun(artifactUri(file), result, ruleIndex)),
  };
}

function sarifRun(uri: string, result: ReportedAnalysis, ruleIndex: ReadonlyMap<string, number>): unknown {
  return {
    tool: {
      driver: {
        name: TOOL.name,
        version: TOOL.version,
        rules: RULES.map((r) => ({
          id: r.id,
          name: r.title,
          shortDescription: { text: r.title },
          fullDescription: { text: r.docs.explanation },
          help: { text: r.docs.fix },
          defaultConfiguration: { level: LEVEL[r.severity] },
          properties: { 'security-severity': SECURITY_SEVERITY[r.severity], tags: ['security', 'session'] },
        })),
      },
    },
    artifacts: [{ location: { uri } }],
    results: result.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: LEVEL[f.severity],
      message: { text: `${f.message} Fix: ${f.fix}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri, index: 0 } },
          logicalLocations: [
            { name: `entry ${f.entry}`, fullyQualifiedName: `${f.origin} ${f.url}`, kind: 'resource' },
          ],
        },
      ],
      partialFingerprints: { sessionscope: `${f.rule}/${f.origin}/${f.cookie ?? ''}/${f.reason ?? f.cause ?? ''}` },
      properties: {
        entry: f.entry,
        origin: f.origin,
        url: f.url,
        ...(f.cookie ? { cookie: f.cookie } : {}),
        ...(f.reason ? { reason: f.reason } : {}),
        ...(f.cause ? { cause: f.cause } : {}),
      },
    })),
  };
}
