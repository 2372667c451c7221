/**
 * `sessionscope analyze` and `sessionscope export`: reads each file (HAR or native trace, streamed when large),
 * runs the core engine, prints the report, and maps outcomes to the exit codes of CLI.md (0 analysed, 1 findings
 * at or above --fail-on, 2 bad usage or unreadable input). Errors are one line naming the file and the problem,
 * never a stack trace. Nothing is written next to FILE; `export -o OUT` writes only OUT.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTrace } from '../core/analysis/analyze.ts';
import { analyzeEventStream } from '../core/analysis/analyzeStream.ts';
import { type AnalysisSettings, withDefaults } from '../core/analysis/settings.ts';
import { htmlReport, type ReportedAnalysis } from '../core/formats/htmlReport.ts';
import { exportHar, exportNativeTrace } from '../core/formats/index.ts';
import { SEVERITY_RANK } from '../core/rules/rule.ts';
import { withWarnings } from '../core/trace/traceWarnings.ts';
import type { Trace, TraceInputWarning } from '../core/trace/types.ts';
import { type AnalyzeCommand, type ExportCommand, parseCommand, USAGE, UsageError } from './args.ts';
import { InputError, type InputIo, type LoadedInput, loadInput, nodeInputIo } from './input.ts';
import { jsonReport } from './jsonReport.ts';
import { sarifReport } from './sarifReport.ts';
import { textReport, warningLines } from './textReport.ts';
import { TOOL } from './tool.ts';

export interface Io extends InputIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Writes `export -o OUT`. */
  readonly writeFile?: (path: string, text: string) => void;
}

const nodeIo: Io = {
  ...nodeInputIo,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
};

export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`sessionscope: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (command.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command.command === 'version') {
    io.stdout(`${TOOL.name} ${TOOL.version}\n`);
    return 0;
  }
  if (command.command === 'export') return exportFile(command, io);
  return analyzeFiles(command, io);
}

interface Options {
  readonly sessionCookies: readonly string[];
  readonly thirdPartySessions: boolean;
  readonly now?: number;
  readonly includeValues: boolean;
}

/** The settings to analyse with: a native trace's saved ones, with the command line's added on top. */
function settingsFor(loaded: LoadedInput, options: Options): Partial<AnalysisSettings> {
  const saved = loaded.native?.settings;
  const sessionCookies = [...new Set([...(saved?.sessionCookies ?? []), ...options.sessionCookies])];
  return {
    ...saved,
    sessionCookies,
    ...(options.thirdPartySessions ? { thirdPartySessions: true } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  };
}

const REDACTED_NOTE: TraceInputWarning = {
  where: 'values',
  message: 'this trace was exported with redacted values: IDs show as hashes, --include-values cannot restore them',
};
const REANALYSED_NOTE: TraceInputWarning = {
  where: 'values',
  message:
    'analysed again with new settings; its values are hashes, so the entropy and predictability of its IDs are not judged, and what reads a value (token contents, token-like cookies) may differ from what the exporter saw',
};

/**
 * The analysis to report. A redacted native trace shows the analysis its exporter saw (its values are hashes:
 * value-reading rules would judge the hashes), unless new settings ask for a new one; anything else is analysed.
 */
async function analysisFor(
  loaded: LoadedInput,
  options: Options,
): Promise<{ trace: Trace; analysis: ReportedAnalysis }> {
  const { native, events } = loaded;
  const settings = settingsFor(loaded, options);
  if (native?.values !== 'redacted') {
    const values = options.includeValues ? 'raw' : 'redacted';
    const analysis = events
      ? await analyzeEventStream(events.open, {
          settings,
          values,
          ...(events.prepass ? { prepass: events.prepass } : {}),
          // The events carry no source: the recording browser's cookie defaults come with them.
          ...(loaded.trace.source.browser ? { browser: loaded.trace.source.browser } : {}),
        })
      : analyzeTrace(loaded.trace, { settings, values });
    return { trace: loaded.trace, analysis };
  }
  const changed = options.sessionCookies.length > 0 || options.thirdPartySessions || options.now !== undefined;
  const notes = [...(options.includeValues ? [REDACTED_NOTE] : []), ...(changed ? [REANALYSED_NOTE] : [])];
  const trace = withWarnings(loaded.trace, notes);
  const analysis = changed ? analyzeTrace(loaded.trace, { settings, values: 'raw' }) : native.analysis;
  return { trace, analysis };
}

const EMPTY_TRACE: Trace = { source: { format: 'har' }, events: [], entryCount: 0 };

function summaryOf(trace: Trace): string {
  return `${trace.source.format}${trace.source.creator ? `, ${trace.source.creator}` : ''}, ${trace.entryCount} entries`;
}

/**
 * A recording without a single request has nothing to analyse: reported as "no session was lost", a CI job that
 * recorded nothing (a browser that failed to start, a filter that caught every request) would pass `--fail-on`
 * unseen. CLI.md's "no readable entry" refuses it, with exit 2. Only `analyze`: `export` copies it as it is, and the
 * panel opens it as the empty recording it is.
 */
function refuseEmptyRecording(file: string, loaded: LoadedInput): void {
  if (loaded.trace.entryCount > 0 || loaded.trace.events.length > 0) return;
  const where = loaded.native ? 'the trace holds no event' : 'log.entries is empty';
  throw new InputError(
    `${file}: no readable entry: the recording holds no request (${where}), so there is nothing to analyse`,
  );
}

async function analyzeFiles(command: AnalyzeCommand, io: Io): Promise<number> {
  const analysed: { file: string; trace: Trace; result: ReportedAnalysis }[] = [];
  let unreadable = false;
  for (const file of command.files) {
    try {
      // A large HAR is only indexed, then read again by the analysis: made with the settings a HAR gets.
      const settings = withDefaults(settingsFor({ trace: EMPTY_TRACE, streamed: false }, command));
      const loaded = await loadInput(file, io, { analyseOnly: { settings } });
      refuseEmptyRecording(file, loaded);
      const { trace, analysis } = await analysisFor(loaded, command);
      analysed.push({ file, trace, result: analysis });
      // Import warnings go to standard error in every format but JSON, which carries them in input.warnings.
      if (command.format !== 'json') for (const line of warningLines(file, trace)) io.stderr(`${line}\n`);
      if (command.format === 'text')
        io.stdout(
          `${analysed.length > 1 ? '\n' : ''}${textReport(file, trace, analysis, { requests: command.requests })}`,
        );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable = true;
      io.stderr(`sessionscope: ${e.message}\n`);
    }
  }
  if (command.format === 'json' && analysed.length > 0) {
    const docs = analysed.map(({ file, trace, result }) => jsonReport(file, trace, result, command.requests));
    io.stdout(`${JSON.stringify(docs.length === 1 && command.files.length === 1 ? docs[0] : docs, null, 2)}\n`);
  }
  // SARIF has results, not requests: said, not silently ignored.
  if (command.format === 'sarif' && command.requests)
    io.stderr('sessionscope: --requests is not part of SARIF output (use --format json, text or html)\n');
  if (command.format === 'sarif' && analysed.length > 0) {
    io.stdout(`${JSON.stringify(sarifReport(analysed), null, 2)}\n`);
  }
  if (command.format === 'html' && analysed.length > 0) {
    const inputs = analysed.map(({ file, trace, result }) => ({
      file,
      summary: summaryOf(trace),
      ...(trace.source.creator !== undefined ? { creator: trace.source.creator } : {}),
      entryCount: trace.entryCount,
      analysis: result,
      ...(trace.warnings ? { warnings: trace.warnings } : {}),
    }));
    io.stdout(htmlReport(inputs, TOOL, { requests: command.requests }));
  }
  if (unreadable) return 2;
  const threshold = command.failOn;
  if (threshold === undefined) return 0;
  const failing = analysed.some(({ result }) =>
    result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]),
  );
  return failing ? 1 : 0;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return a !== '-' && real(a) === real(b);
}

async function exportFile(command: ExportCommand, io: Io): Promise<number> {
  if (command.out !== undefined && samePath(command.file, command.out)) {
    io.stderr(`sessionscope: ${command.out}: refusing to overwrite the input file\n`);
    return 2;
  }
  let loaded: LoadedInput;
  try {
    loaded = await loadInput(command.file, io);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(`sessionscope: ${e.message}\n`);
    return 2;
  }
  const alreadyRedacted = loaded.native?.values === 'redacted';
  if (alreadyRedacted && command.includeValues) io.stderr(`sessionscope: ${command.file}: ${REDACTED_NOTE.message}\n`);
  const result = analyzeTrace(loaded.trace, { settings: settingsFor(loaded, command) });
  const options = {
    values: command.includeValues ? ('raw' as const) : ('redacted' as const),
    valuesAlreadyRedacted: alreadyRedacted,
    tool: TOOL,
  };
  const text =
    command.to === 'native'
      ? exportNativeTrace(loaded.trace, result, options)
      : exportHar(loaded.trace, result, options);
  if (command.out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    (io.writeFile ?? writeFileSync)(command.out, text);
  } catch (e) {
    io.stderr(`sessionscope: ${command.out}: cannot write: ${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}
