/**
 * Reads one input file for the CLI: a HAR or a native trace, whole when it is small, and a HAR streamed entry by
 * entry when it is larger than `streamAbove` bytes (default 64 MiB), so files bigger than the biggest string the
 * JS engine can hold still load, with memory bounded by the compact trace instead of the file. Both paths give
 * the same Trace. A progress line goes to standard error while streaming, only when it is a terminal.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { HarStreamReader } from '../core/formats/harStream.ts';
import { NATIVE_FORMAT, type NativeTrace, parseNativeTrace } from '../core/formats/native.ts';
import { detectTraceFormat, harToTrace, parseJsonText, parseTraceFile } from '../core/trace/index.ts';
import { type Trace, TraceInputError } from '../core/trace/types.ts';

export const DEFAULT_STREAM_ABOVE = 64 * 1024 * 1024;

export interface InputIo {
  /** The whole file as text ("-" is standard input). */
  readonly readFile: (path: string) => string;
  /** The file's size in bytes, or undefined when unknown (standard input, or an Io without files). */
  readonly fileSize?: (path: string) => number | undefined;
  /** The file as a stream of byte chunks. */
  readonly openStream?: (path: string) => AsyncIterable<Uint8Array>;
  /** The first bytes of the file, to tell a native trace from a HAR before choosing how to read it. */
  readonly readHead?: (path: string, bytes: number) => string;
  /** Files above this many bytes are streamed. */
  readonly streamAbove?: number;
  /** Where progress lines go (a terminal's standard error), or undefined to stay quiet. */
  readonly progress?: (line: string) => void;
}

export class InputError extends Error {}

export interface LoadedInput {
  readonly trace: Trace;
  /** Present when the file is a native trace: its saved settings and analysis. */
  readonly native?: NativeTrace;
  readonly streamed: boolean;
}

export const nodeInputIo: Omit<InputIo, 'readFile'> = {
  fileSize: (path) => {
    if (path === '-') return undefined;
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
  openStream: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  readHead: (path, bytes) => {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const read = readSync(fd, buffer, 0, bytes, 0);
      return buffer.subarray(0, read).toString('utf8');
    } finally {
      closeSync(fd);
    }
  },
  streamAbove: Number(process.env.SESSIONSCOPE_STREAM_ABOVE) || DEFAULT_STREAM_ABOVE,
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(line) } : {}),
};

function cannotRead(file: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT'
      ? 'no such file'
      : err.code === 'EISDIR'
        ? 'is a directory'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.code === 'ERR_STRING_TOO_LONG' || /string longer than/i.test(err.message)
            ? 'the file is larger than the biggest string this JavaScript engine can hold (only HAR files are streamed)'
            : err.message;
  return new InputError(`${file}: cannot read: ${why}`);
}

function inputError(file: string, e: unknown): InputError {
  if (e instanceof TraceInputError) {
    // Importer messages already begin with the file name; make sure one is there.
    return new InputError(e.message.startsWith(file) ? e.message : `${file}: ${e.message}`);
  }
  return new InputError(`${file}: could not be read as a HAR or trace: ${(e as Error).message}`);
}

/** A native trace announces itself in its first bytes (`"format": "sessionscope-trace"` comes first). */
function looksNative(head: string): boolean {
  return new RegExp(`"format"\\s*:\\s*"${NATIVE_FORMAT}"`).test(head.slice(0, 4096));
}

export async function loadInput(file: string, io: InputIo): Promise<LoadedInput> {
  const size = io.fileSize?.(file);
  const streamAbove = io.streamAbove ?? DEFAULT_STREAM_ABOVE;
  if (size !== undefined && size > streamAbove && io.openStream) {
    let head = '';
    try {
      head = io.readHead?.(file, 4096) ?? '';
    } catch (e) {
      throw cannotRead(file, e);
    }
    if (!looksNative(head)) return { trace: await streamHar(file, size, io), streamed: true };
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw cannotRead(file, e);
  }
  try {
    const document = parseJsonText(text, file);
    switch (detectTraceFormat(document)) {
      case 'sessionscope-trace': {
        const native = parseNativeTrace(document, file);
        return { trace: native.trace, native, streamed: false };
      }
      case 'har':
        return { trace: harToTrace(document, file), streamed: false };
      case 'unknown':
        return { trace: parseTraceFile(text, file), streamed: false };
    }
  } catch (e) {
    throw inputError(file, e);
  }
}

const MB = 1024 * 1024;
const PROGRESS_EVERY_MS = 200;

async function streamHar(file: string, size: number, io: InputIo): Promise<Trace> {
  const reader = new HarStreamReader(file);
  const progress = io.progress;
  let shown = 0;
  const show = () => {
    const line = `sessionscope: reading ${file}: ${(reader.bytesRead / MB).toFixed(1)} / ${(size / MB).toFixed(1)} MB, ${reader.entryCount} entries`;
    progress?.(`\r${line}\u001b[K`);
  };
  try {
    for await (const chunk of io.openStream!(file)) {
      reader.write(chunk);
      if (progress && Date.now() - shown >= PROGRESS_EVERY_MS) {
        shown = Date.now();
        show();
      }
    }
    const trace = reader.end();
    return trace;
  } catch (e) {
    if (e instanceof TraceInputError) throw inputError(file, e);
    throw cannotRead(file, e);
  } finally {
    // Leave the terminal line clean for what comes next.
    progress?.('\r\u001b[K');
  }
}
