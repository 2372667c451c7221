/**
 * HTML escaping for the reports, in a module of its own: the report (`htmlReport.ts`) and its story section
 * (`story/storyHtml.ts`) both escape, and the report draws the story's style; escaping held in either of them made
 * an import cycle, which left `STORY_STYLE` unset whenever a program loaded the story first.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values (HTML Standard 13.1.2.3–13.1.2.6). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
