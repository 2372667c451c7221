// The CLI's main() run in-process, as the unit tests drive it: what it printed and wrote, its exit code.
// Inputs named in `files` are read from memory first, every other path from disk; `export -o` writes land in
// `files` too (so a later run reads them back) and in `written`. With `stream`, every file — in memory or on
// disk — goes through the streamed path in 4 KiB chunks, whatever its size.
import { readFileSync } from 'node:fs';
import { type Io, main } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files `export -o` wrote during this run, by path. */
  readonly written: Readonly<Record<string, string>>;
}

export interface CliRunOptions {
  /** In-memory files by path, read before the disk; also where this run's `export -o` writes go. */
  readonly files?: Record<string, string> | Map<string, string>;
  /** Stream every input, as a file above the streaming threshold would be. */
  readonly stream?: boolean;
  /** Progress lines, as a terminal's standard error would receive them. */
  readonly progress?: (line: string) => void;
  /** Where `readFile` goes for paths not in `files` (default: the disk). */
  readonly readFile?: (path: string) => string;
}

const CHUNK = 4096;

export async function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const files = options.files ?? {};
  const fromMemory = (path: string) => (files instanceof Map ? files.get(path) : files[path]);
  const readFile = (path: string) => fromMemory(path) ?? (options.readFile ?? ((p) => readFileSync(p, 'utf8')))(path);
  const bytes = (path: string) => new TextEncoder().encode(readFile(path));
  const io: Io = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readFile,
    writeFile: (path, text) => {
      written[path] = text;
      if (files instanceof Map) files.set(path, text);
      else files[path] = text;
    },
    ...(options.stream
      ? {
          fileSize: (path: string) => bytes(path).length,
          readHead: (path: string, n: number) => bytes(path).subarray(0, n),
          openStream: async function* (path: string) {
            const all = bytes(path);
            for (let at = 0; at < all.length; at += CHUNK) yield all.subarray(at, at + CHUNK);
          },
          streamFromBytes: 0,
        }
      : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  };
  const code = await main(args, io);
  return { code, stdout, stderr, written };
}
