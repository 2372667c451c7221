/** The text report's "What happened" section and `--requests` table: plain lines, wrapped by the terminal. */
import type { RequestView } from '../analysis/analyze.ts';
import { clock, type Story } from './story.ts';
import { STORY_KIND_LABEL } from './storyHtml.ts';

/** The stories as numbered paragraphs; nothing for an analysis saved without them. */
export function storyText(story: readonly Story[] | undefined): string[] {
  if (story === undefined) return [];
  if (story.length === 0) return ['', 'What happened: no session was lost, rejected or put at risk.'];
  const out = ['', 'What happened'];
  story.forEach((s, i) => {
    out.push(`  ${i + 1}. ${STORY_KIND_LABEL[s.kind].toUpperCase()} — ${s.headline}`);
    for (const step of s.steps) out.push(`       ${step}`);
  });
  return out;
}

/** `--requests`: each entry with the cookies sent and the cookies not sent and why. */
export function requestsText(requests: readonly RequestView[]): string[] {
  if (requests.length === 0) return ['', 'Requests: this analysis holds no per-request cookies.'];
  const out = ['', 'Requests'];
  for (const r of requests) {
    const time = r.time !== undefined ? `${clock(r.time)} ` : '';
    out.push(`  #${r.entry} ${time}${r.method} ${r.url} → ${r.status ?? 'failed'}`);
    if (r.sent.length > 0)
      out.push(`       sent: ${r.sent.map((c) => (c.session ? `${c.name}=${c.value ?? ''}` : c.name)).join(', ')}`);
    if (r.notSent.length > 0)
      out.push(`       not sent: ${r.notSent.map((n) => `${n.name} (${n.reason})`).join(', ')}`);
  }
  return out;
}
