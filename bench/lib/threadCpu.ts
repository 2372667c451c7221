// CPU time per thread of the browser's processes, read from Linux's /proc: which thread a window's work went to
// (the background's service worker, the panel's page, its analysis worker, the browser process, ...). Elsewhere
// (no /proc) it reads nothing, and the bench says so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Ticks of CPU (user + system) by "process kind / thread name". */
export type ThreadTicks = Map<string, number>;

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the benches run on.

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The fields after the command name of a /proc stat line (the name may hold spaces and parentheses). */
function statFields(stat: string): { name: string; fields: string[] } {
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    fields: stat.slice(stat.lastIndexOf(')') + 2).split(' '),
  };
}

function kindOf(pid: number, root: number): string {
  if (pid === root) return 'browser';
  // Chrome rewrites its children's command lines into one space-separated title: searched as text.
  const command = (read(`/proc/${pid}/cmdline`) ?? '').replaceAll('\0', ' ');
  if (command.includes('--extension-process')) return 'extension';
  return /--type=(\S+)/.exec(command)?.[1] ?? 'process';
}

/** The browser process and its descendants. */
function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (stat) parentOf.set(Number(name), Number(statFields(stat).fields[1]));
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

export function threadTicks(root: number | undefined): ThreadTicks {
  const ticks: ThreadTicks = new Map();
  if (root === undefined || !existsSync('/proc/self/task')) return ticks;
  for (const pid of processTree(root)) {
    const kind = kindOf(pid, root);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const { name, fields } = statFields(stat);
      const key = `${kind} / ${name}`;
      ticks.set(key, (ticks.get(key) ?? 0) + Number(fields[11]) + Number(fields[12]));
    }
  }
  return ticks;
}

/** Adds what each thread spent between two readings to `into`. */
export function addTicks(into: ThreadTicks, before: ThreadTicks, after: ThreadTicks): void {
  for (const [key, value] of after) into.set(key, (into.get(key) ?? 0) + value - (before.get(key) ?? 0));
}

/** The busiest threads as shares of one core over `seconds`, largest first. */
export function threadShares(ticks: ThreadTicks, seconds: number, top = 8): string[] {
  return [...ticks]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, value]) => `${((100 * value) / TICKS_PER_SECOND / seconds).toFixed(0).padStart(4)}% of a core  ${key}`);
}
