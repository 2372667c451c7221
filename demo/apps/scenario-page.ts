// Page helpers shared by the scenario apps: every page repeats its scenario's title and one sentence.
import { type DemoResponse, escapeHtml, htmlPage } from '../app.ts';
import { findScenario } from '../scenarios.ts';

export function scenarioPage(scenarioId: string, bodyHtml: string, setCookies: readonly string[] = []): DemoResponse {
  const s = findScenario(scenarioId);
  return htmlPage(s.title, s.sentence, bodyHtml, setCookies);
}

/** A login form with its fields filled in, so one click (or `form.requestSubmit()`) logs in. */
export function loginForm(action: string): string {
  return `<form id="login-form" method="post" action="${escapeHtml(action)}">
<label>User <input name="username" value="demo"></label>
<label>Password <input type="password" name="password" value="demo-password"></label>
<button type="submit">Log in</button></form>`;
}

export function link(id: string, href: string, text: string): string {
  return `<p><a class="step" id="${escapeHtml(id)}" href="${escapeHtml(href)}">${escapeHtml(text)}</a></p>`;
}
