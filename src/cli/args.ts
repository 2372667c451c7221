/** Parses `sessionscope analyze` arguments exactly as shared/design/CLI.md describes, with usage errors as values. */
import { parseArgs } from 'node:util';
import type { Severity } from '../core/rules/rule.ts';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface AnalyzeCommand {
  readonly command: 'analyze';
  readonly files: readonly string[];
  readonly format: OutputFormat;
  readonly requests: boolean;
  readonly failOn?: Exclude<Severity, 'info'>;
  readonly includeValues: boolean;
  readonly sessionCookies: readonly string[];
  readonly now?: number;
}

export type ParsedCommand = AnalyzeCommand | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: sessionscope analyze FILE... [--format text|json|sarif] [--requests] [--fail-on low|medium|high]
                            [--include-values] [--session-cookie NAME]... [--now ISO-DATE]

Analyses HAR 1.2 files (Chrome, Firefox, Safari, Charles, mitmproxy, Playwright…) or Sessionscope traces and
explains what happened to the session: which ID was sent, which cookie was not sent and why, rotations,
resets and their causes, insecure cookie attributes. FILE "-" reads standard input.

Exit codes: 0 analysed, 1 a finding at or above --fail-on, 2 bad usage or unreadable input.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON = ['low', 'medium', 'high'] as const;

export function parseCommand(argv: readonly string[]): ParsedCommand {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}": the command is "analyze"`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        requests: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        'include-values': { type: 'boolean', default: false },
        'session-cookie': { type: 'string', multiple: true, default: [] },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  const format = v.format as string;
  if (!FORMATS.includes(format as OutputFormat))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = v['fail-on'] as string | undefined;
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  let now: number | undefined;
  if (v.now !== undefined) {
    now = Date.parse(v.now as string);
    if (Number.isNaN(now))
      throw new UsageError(`--now must be an ISO date such as 2026-01-31T12:00:00Z, not "${v.now}"`);
  }
  if (parsed.positionals.length === 0)
    throw new UsageError('no FILE given: name a HAR or trace file, or "-" for standard input');
  return {
    command: 'analyze',
    files: parsed.positionals,
    format: format as OutputFormat,
    requests: v.requests as boolean,
    ...(failOn ? { failOn: failOn as AnalyzeCommand['failOn'] & string } : {}),
    includeValues: v['include-values'] as boolean,
    sessionCookies: v['session-cookie'] as string[],
    ...(now !== undefined ? { now } : {}),
  };
}
