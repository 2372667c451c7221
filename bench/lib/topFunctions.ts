// Reads a V8 .cpuprofile (node --cpu-prof) and prints the functions with the most self time, with their
// source location, so RESULTS.md can say where the time goes. Usage: node --import tsx bench/lib/topFunctions.ts FILE [N]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function topFunctions(file: string, n = 25): string[] {
  return topOfProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, n);
}

/** Self time per function, most first, as printable lines (the idle and program pseudo-nodes included). */
export function topOfProfile(profile: Profile, n = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/main\//, '').replace(/^chrome-extension:\/\/[a-z]+\//, '')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([key, us]) =>
        `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of topFunctions(process.argv[2]!, Number(process.argv[3] ?? 25))) console.log(line);
}
