// The layers of the core, checked on the import lines of its modules (tests left out: they may reach anywhere).
// The rules decide from facts and the engine gathers them, so both stand on one floor, analysis/facts.ts (the fact
// types, and laneKey) with analysis/settings.ts: a rule imports nothing else of analysis/, the floor imports
// neither the engine nor the rules, and no import cycle runs through rules/ or analysis/ (STYLE.md, "A rule holds
// its whole decision"; issue #16).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(import.meta.dirname);
/** The floor of analysis/ that the rules may read: types and settings, nothing that replays or decides. */
const FLOOR = new Set(['analysis/facts.ts', 'analysis/settings.ts']);

/** Every non-test module of the core, by its path under src/core. */
function modules(dir = CORE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return modules(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [relative(CORE, path)] : [];
  });
}

/**
 * `import … from`, `export … from`, `import '…'` and `import('…')`: the relative specifiers, resolved; group 1 is
 * `type` where the line imports types alone (erased when compiled).
 */
const SPECIFIER =
  /(?:^\s*(?:import|export)\s(type\s)?[^'"]*?from\s*|^\s*import\s*|\bimport\(\s*)['"](\.{1,2}\/[^'"]+)['"]/gm;

function importsOf(module: string, valuesOnly = false): string[] {
  const text = readFileSync(join(CORE, module), 'utf8');
  return [...text.matchAll(SPECIFIER)]
    .filter((m) => !(valuesOnly && m[1]))
    .map((m) => relative(CORE, resolve(dirname(join(CORE, module)), m[2]!)));
}

const GRAPH = new Map(modules().map((m) => [m, importsOf(m)]));
/** The imports that run: a cycle among them leaves one module's constants unset while the other's top level reads them. */
const VALUE_GRAPH = new Map(modules().map((m) => [m, importsOf(m, true)]));
const inFolder = (folder: string) => (m: string) => m.startsWith(`${folder}/`);

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('core layering', () => {
  it('reads the import lines it checks (the graph is not empty)', () => {
    expect(GRAPH.get('rules/sessionReset.ts')).toContain('analysis/facts.ts');
    expect(GRAPH.get('analysis/sessionLanes.ts')).toContain('rules/sessionReset.ts');
  });

  it('rules import nothing of analysis/ but the floor (facts and settings)', () => {
    const upward = [...GRAPH].flatMap(([m, imports]) =>
      inFolder('rules')(m)
        ? imports.filter((i) => inFolder('analysis')(i) && !FLOOR.has(i)).map((i) => `${m} → ${i}`)
        : [],
    );
    expect(upward).toEqual([]);
  });

  it('the floor imports neither the engine nor the rules', () => {
    const upward = [...FLOOR].flatMap((m) =>
      (GRAPH.get(m) ?? [])
        .filter((i) => inFolder('rules')(i) || (inFolder('analysis')(i) && !FLOOR.has(i)))
        .map((i) => `${m} → ${i}`),
    );
    expect(upward).toEqual([]);
  });

  it('no import cycle runs through rules/ or analysis/', () => {
    const through = cycles(GRAPH).filter((c) => c.some((m) => inFolder('rules')(m) || inFolder('analysis')(m)));
    expect(through).toEqual([]);
  });

  it('no import cycle carries values anywhere in the core (a module would read a constant before it is set)', () => {
    // htmlReport.ts and story/storyHtml.ts imported each other's values: loading the story first (the CLI's text
    // report, the analysis benchmark) threw "Cannot access 'STORY_STYLE' before initialization".
    expect(cycles(VALUE_GRAPH)).toEqual([]);
    expect(VALUE_GRAPH.get('story/storyHtml.ts')).not.toContain('formats/htmlReport.ts');
    expect(GRAPH.get('story/storyHtml.ts')).toContain('formats/htmlReport.ts');
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['rules/a.ts', ['analysis/b.ts']],
      ['analysis/b.ts', ['rules/a.ts']],
      ['analysis/c.ts', ['analysis/facts.ts']],
      ['analysis/facts.ts', []],
    ]);
    expect(cycles(graph)).toEqual([['analysis/b.ts', 'rules/a.ts']]);
  });
});
