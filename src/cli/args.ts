/**
 * Parses `sessionscope analyze` arguments exactly as shared/design/CLI.md describes (plus `--format html`), and
 * `sessionscope export FILE --to native|har` (issue 6), with usage errors as values.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Severity } from '../core/rules/rule.ts';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'html';

export interface AnalyzeCommand {
  readonly command: 'analyze';
  readonly files: readonly string[];
  readonly format: OutputFormat;
  readonly requests: boolean;
  readonly failOn?: Exclude<Severity, 'info'>;
  readonly includeValues: boolean;
  readonly sessionCookies: readonly string[];
  /** Judge sessions of third-party hosts at full severity (off: nothing above low for them). */
  readonly thirdPartySessions: boolean;
  readonly now?: number;
}

export type ExportTarget = 'native' | 'har';

export interface ExportCommand {
  readonly command: 'export';
  readonly file: string;
  readonly to: ExportTarget;
  readonly includeValues: boolean;
  readonly sessionCookies: readonly string[];
  readonly thirdPartySessions: boolean;
  readonly now?: number;
  /** Where to write; standard output when absent. */
  readonly out?: string;
}

export type ParsedCommand =
  | AnalyzeCommand
  | ExportCommand
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: sessionscope analyze FILE... [--format text|json|sarif|html] [--requests] [--fail-on low|medium|high]
                            [--include-values] [--session-cookie NAME]... [--third-party-sessions] [--now ISO-DATE]
       sessionscope export FILE --to native|har [--include-values] [--session-cookie NAME]... [--now ISO-DATE]
                            [-o OUT]

Analyses HAR 1.2 files (Chrome, Firefox, Safari, Charles, mitmproxy, Playwright…) or Sessionscope traces and
explains what happened to the session: which ID was sent, which cookie was not sent and why, rotations,
resets and their causes, insecure cookie attributes. FILE "-" reads standard input.
export writes FILE as a Sessionscope trace (native) or a HAR 1.2 file with the findings per entry, to OUT or
standard output; cookie values, credentials and session IDs in URLs are hashed unless --include-values.
Sessions of hosts outside the inspected site (ad, analytics, widget hosts) raise nothing above low, and one
known by its token's behaviour alone is not listed, unless --third-party-sessions. Each session has a confidence (certain, likely, possible) from its evidence; a finding
is at most medium on a likely session and low on a possible one. --session-cookie NAME marks one as certain.

Exit codes: 0 analysed, 1 a finding at or above --fail-on, 2 bad usage or unreadable input.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'html'];
const TARGETS: readonly ExportTarget[] = ['native', 'har'];
const FAIL_ON = ['low', 'medium', 'high'] as const;

export function parseCommand(argv: readonly string[]): ParsedCommand {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === 'analyze') return parseAnalyze(rest);
  if (command === 'export') return parseExport(rest);
  throw new UsageError(`unknown command "${command}": the commands are "analyze" and "export"`);
}

type Options = NonNullable<ParseArgsConfig['options']>;

const SHARED_OPTIONS: Options = {
  'include-values': { type: 'boolean', default: false },
  'session-cookie': { type: 'string', multiple: true, default: [] },
  'third-party-sessions': { type: 'boolean', default: false },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

function parse(args: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function parseNow(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const now = Date.parse(value as string);
  if (Number.isNaN(now)) throw new UsageError(`--now must be an ISO date such as 2026-01-31T12:00:00Z, not "${value}"`);
  return now;
}

function parseAnalyze(rest: readonly string[]): ParsedCommand {
  const parsed = parse(rest, {
    format: { type: 'string', default: 'text' },
    requests: { type: 'boolean', default: false },
    'fail-on': { type: 'string' },
    ...SHARED_OPTIONS,
  });
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  const format = v.format as string;
  if (!FORMATS.includes(format as OutputFormat))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const failOn = v['fail-on'] as string | undefined;
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const now = parseNow(v.now);
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
    thirdPartySessions: v['third-party-sessions'] as boolean,
    ...(now !== undefined ? { now } : {}),
  };
}

function parseExport(rest: readonly string[]): ParsedCommand {
  const parsed = parse(rest, { to: { type: 'string' }, out: { type: 'string', short: 'o' }, ...SHARED_OPTIONS });
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  const to = v.to as string | undefined;
  if (to === undefined) throw new UsageError('export needs --to native or --to har');
  if (!TARGETS.includes(to as ExportTarget))
    throw new UsageError(`--to must be one of ${TARGETS.join(', ')}, not "${to}"`);
  const now = parseNow(v.now);
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      parsed.positionals.length === 0
        ? 'no FILE given: name a HAR or trace file, or "-" for standard input'
        : 'export takes one FILE',
    );
  const out = v.out as string | undefined;
  if (out === '') throw new UsageError('-o needs a file name');
  return {
    command: 'export',
    file: parsed.positionals[0]!,
    to: to as ExportTarget,
    includeValues: v['include-values'] as boolean,
    sessionCookies: v['session-cookie'] as string[],
    thirdPartySessions: v['third-party-sessions'] as boolean,
    ...(now !== undefined ? { now } : {}),
    ...(out !== undefined ? { out } : {}),
  };
}
