// The panel and the background speak only through protocol/: no panel file reaches into background/ (its
// internals may change with the browser, the panel must not notice).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const PANEL = new URL('../panel/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

it('no panel file imports from background/', () => {
  const importing = sources(PANEL).filter((path) =>
    /from\s+'[^']*\/background\/[^']*'/.test(readFileSync(path, 'utf8')),
  );
  expect(importing).toEqual([]);
});
