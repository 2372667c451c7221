// Opens a trace file the user picked or dropped: HAR (any flavour the importer reads) or a native trace,
// through the core's readers. A bad file becomes a message naming the problem and where; the caller changes
// nothing then. A native trace opens as its exporter saw it: analysed with the settings it saved, and, when its
// values are redacted, showing the findings and lanes it saved (docs/TRACE-FORMAT.md, "Redaction": analysing
// hashes again would lose what the value-reading rules found, e.g. a JWT with alg "none").
import type { AnalysisSettings } from '../core/analysis/settings.ts';
import type { SavedAnalysis } from '../core/native/nativeRead.ts';
import { readTraceText } from '../core/open/readTrace.ts';
import { type Trace, TraceInputError } from '../core/trace/types.ts';
import { type TraceView, traceView } from './model.ts';

export type ImportOutcome =
  | {
      readonly ok: true;
      readonly trace: Trace;
      /** A native trace's saved settings (session-cookie overrides, thresholds). */
      readonly settings?: AnalysisSettings;
      /** A redacted native trace's saved analysis, to show instead of one made from its hashes. */
      readonly saved?: SavedAnalysis;
      /** Entries skipped and fields repaired while reading, for the import notice (see importNotice). */
      readonly notice?: string;
    }
  | { readonly ok: false; readonly message: string };

function readTrace(text: string, fileName: string): Extract<ImportOutcome, { ok: true }> {
  const { trace, native } = readTraceText(text, fileName);
  if (!native) return { ok: true, trace };
  return {
    ok: true,
    trace,
    settings: native.settings,
    ...(native.values === 'redacted' ? { saved: native.analysis } : {}),
  };
}

export function importTraceText(text: string, fileName: string): ImportOutcome {
  try {
    const outcome = readTrace(text, fileName);
    const notice = importNotice(outcome.trace);
    return notice ? { ...outcome, notice } : outcome;
  } catch (error) {
    // TraceInputError's message already names the file and the place (`… (at log.entries[3])`).
    if (error instanceof TraceInputError) return { ok: false, message: error.message };
    return {
      ok: false,
      message: `${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** Reads a File (picker or drop) and imports it. */
export async function importTraceFile(file: Blob & { readonly name: string }): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      ok: false,
      message: `${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  return importTraceText(text, file.name);
}

/** Skipped entries named one by one up to this many; beyond it, the first ones and a count. */
const NOTICE_ENTRIES = 5;

/**
 * What the import notice says about a file that loaded with repairs (CLI.md: one bad entry never refuses a file,
 * and the user is told which entries were left out): undefined when nothing was repaired or skipped.
 */
export function importNotice(trace: Trace): string | undefined {
  const warnings = trace.warnings ?? [];
  if (warnings.length === 0) return undefined;
  const cut = warnings.find((w) => w.truncatedAfter !== undefined);
  const skipped = warnings.filter((w) => w.skippedEntry !== undefined);
  const repaired = warnings.length - skipped.length - (cut ? 1 : 0);
  const parts: string[] = [];
  if (cut) parts.push(`${cut.message[0]!.toUpperCase()}${cut.message.slice(1)}.`);
  if (skipped.length > 0) {
    const named = skipped
      .slice(0, NOTICE_ENTRIES)
      .map((w) => `#${w.skippedEntry} (${w.message.replace(/^entry \d+ skipped: /, '')})`);
    const more = skipped.length > NOTICE_ENTRIES ? `, and ${skipped.length - NOTICE_ENTRIES} more` : '';
    parts.push(
      `${skipped.length} of ${trace.entryCount} entries could not be read and are left out: ${named.join('; ')}${more}.`,
    );
  }
  if (repaired > 0)
    parts.push(
      `${repaired} field(s) were repaired or ignored while reading (e.g. ${describe(warnings.find((w) => w.skippedEntry === undefined && w !== cut))}).`,
    );
  return parts.join(' ');
}

function describe(warning: { readonly where: string; readonly message: string } | undefined): string {
  return warning ? `${warning.where}: ${warning.message}` : '';
}

/** The view of an imported trace: with a native trace's settings, and its saved findings and lanes if redacted. */
export function importedView(imported: Extract<ImportOutcome, { ok: true }>): TraceView {
  return traceView(imported.trace, imported.settings, undefined, imported.saved);
}
