/**
 * `sessionscope analyze`: reads each file, runs the core engine, prints the report, and maps outcomes to the
 * exit codes of CLI.md (0 analysed, 1 findings at or above --fail-on, 2 bad usage or unreadable input).
 * Errors are one line naming the file and the problem, never a stack trace. Nothing is written next to FILE.
 */
import { readFileSync } from 'node:fs';
import { type AnalysisResult, analyzeTrace } from '../core/analysis/analyze.ts';
import { SEVERITY_RANK } from '../core/rules/rule.ts';
import { parseTraceFile } from '../core/trace/index.ts';
import { type Trace, TraceInputError } from '../core/trace/types.ts';
import { type AnalyzeCommand, parseCommand, USAGE, UsageError } from './args.ts';
import { jsonReport } from './jsonReport.ts';
import { sarifReport } from './sarifReport.ts';
import { textReport } from './textReport.ts';
import { TOOL } from './tool.ts';

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readFile: (path: string) => string;
}

const nodeIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
};

class InputError extends Error {}

function readTrace(file: string, io: Io): Trace {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a directory'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.code === 'ERR_STRING_TOO_LONG' || /string longer than/i.test(err.message)
              ? 'the file is larger than this version can read into memory (streaming input is not built yet)'
              : err.message;
    throw new InputError(`${file}: cannot read: ${why}`);
  }
  try {
    return parseTraceFile(text, file);
  } catch (e) {
    if (e instanceof TraceInputError) {
      // Importer messages already begin with the file name; make sure one is there.
      throw new InputError(e.message.startsWith(file) ? e.message : `${file}: ${e.message}`);
    }
    throw new InputError(`${file}: could not be read as a HAR or trace: ${(e as Error).message}`);
  }
}

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
  return analyzeFiles(command, io);
}

function analyzeFiles(command: AnalyzeCommand, io: Io): number {
  const analysed: { file: string; trace: Trace; result: AnalysisResult }[] = [];
  let unreadable = false;
  for (const file of command.files) {
    try {
      const trace = readTrace(file, io);
      const result = analyzeTrace(trace, {
        settings: {
          sessionCookies: command.sessionCookies,
          ...(command.now !== undefined ? { now: command.now } : {}),
        },
        values: command.includeValues ? 'raw' : 'redacted',
      });
      analysed.push({ file, trace, result });
      if (command.format === 'text') io.stdout(`${analysed.length > 1 ? '\n' : ''}${textReport(file, trace, result)}`);
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
  if (command.format === 'sarif' && analysed.length > 0) {
    io.stdout(`${JSON.stringify(sarifReport(analysed), null, 2)}\n`);
  }
  if (unreadable) return 2;
  const threshold = command.failOn;
  if (threshold === undefined) return 0;
  const failing = analysed.some(({ result }) =>
    result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]),
  );
  return failing ? 1 : 0;
}
