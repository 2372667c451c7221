// Pages of the framework scenarios: the demo's own page frame (title, sentence, no favicon request) around
// what the server saw, sent through express.
import type { Response } from 'express';
import { escapeHtml, serverSaw } from '../app.ts';
import { loginForm, scenarioPage } from '../apps/scenario-page.ts';

export function sendPage(
  res: Response,
  scenarioId: string,
  lines: readonly string[],
  extraHtml = '',
  status = 200,
): void {
  const page = scenarioPage(scenarioId, `${serverSaw(lines.map(escapeHtml))}${extraHtml}`);
  res.status(status).set('Cache-Control', 'no-store').type('html').send(page.body);
}

export { loginForm };
