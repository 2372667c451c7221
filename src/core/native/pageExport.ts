/**
 * What an export keeps of a page the source kept (a HAR saved with content): never the page or its text, only what
 * the analysis reads of it — whether it holds a login form (loggedOut.ts) or offers a logout, which of the user names the trace's
 * password POSTs sent it names (pageNames.ts), and whether its text went on past what was read. Re-imported, the
 * same pages say the same: a session the server lost that only its pages showed is still told (docs/TRACE-FORMAT.md,
 * "Pages").
 *
 * A name is written as the written trace's POSTs show it: hashed where their bodies are redacted (a form's values),
 * as sent where they are not (a JSON login's user name), so the re-import matches its pages to its own POSTs.
 */
import { userNamesPosted } from '../analysis/loginSignals.ts';
import { containsWord, SHORTEST_NAME } from '../analysis/pageNames.ts';
import type { PageExport } from '../trace/exportedPage.ts';
import type { Trace, TraceEntry } from '../trace/types.ts';

/** Each entry's page to export, by entry index, for the entries whose response had one read. */
export function pagesForExport(source: Trace, written: Trace): ReadonlyMap<number, PageExport> {
  const pages = new Map<number, PageExport>();
  const read = entriesOf(source).filter(
    (e) => e.response?.loginForm || e.response?.offersLogout || e.response?.pageText !== undefined,
  );
  if (read.length === 0) return pages;
  const shown = writtenNames(source, written);
  for (const entry of read) {
    const response = entry.response!;
    pages.set(entry.index, {
      ...(response.loginForm ? { loginForm: true as const } : {}),
      ...(response.offersLogout ? { offersLogout: true as const } : {}),
      ...(response.pageText !== undefined ? { names: namesHeld(response.pageText, shown) } : {}),
      ...(response.pageTextCut ? { cut: true as const } : {}),
    });
  }
  return pages;
}

function entriesOf(trace: Trace): TraceEntry[] {
  return trace.events.flatMap((e) => (e.kind === 'entry' ? [e.entry] : []));
}

/**
 * Each user name a password POST sent (lower-cased, as pageNames.ts compares them) → how the written trace's same POST
 * shows it. A POST whose written names do not pair one to one with its own is left out.
 */
function writtenNames(source: Trace, written: Trace): ReadonlyMap<string, ReadonlySet<string>> {
  const writtenByIndex = new Map(entriesOf(written).map((e) => [e.index, e]));
  const shown = new Map<string, Set<string>>();
  for (const entry of entriesOf(source)) {
    const sent = userNamesPosted(entry);
    if (sent.length === 0) continue;
    const writtenEntry = writtenByIndex.get(entry.index);
    const as = writtenEntry ? userNamesPosted(writtenEntry) : [];
    if (as.length !== sent.length) continue;
    sent.forEach((name, i) => {
      if (name.length < SHORTEST_NAME) return;
      const key = name.toLowerCase();
      const set = shown.get(key) ?? new Set<string>();
      set.add(as[i]!.toLowerCase());
      shown.set(key, set);
    });
  }
  return shown;
}

/** The written forms of the names the page's text holds, sorted (the same trace gives the same bytes). */
function namesHeld(pageText: string, shown: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const lower = pageText.toLowerCase();
  const held = new Set<string>();
  for (const [name, forms] of shown) if (containsWord(lower, name)) for (const form of forms) held.add(form);
  return [...held].sort();
}
