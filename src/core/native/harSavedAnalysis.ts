/**
 * Our own redacted HAR export (formats/harExport.ts) keeps, in `log._sessionscope`, the settings and the analysis its
 * exporter saw, as a redacted native trace does (docs/TRACE-FORMAT.md, "Redaction"): its values are hashes, and
 * analysing them again would lose what the values told (a token's entropy, a form's `_method=delete`, a Basic
 * login). Read back here so such a HAR opens as its exporter saw it. Any other HAR has none.
 */
import { isObject, type JsonObject, ownField } from '../har/harFields.ts';
import { sessionscopeLogField } from '../har/harLog.ts';
import { withWarnings } from '../trace/traceWarnings.ts';
import { type Trace, TraceInputError, type TraceInputWarning } from '../trace/types.ts';
import type { NativeTrace } from './native.ts';
import { NativeFields } from './nativeFields.ts';
import { readAnalysis, readSettings, SOURCE_FORMATS } from './nativeRead.ts';

const WHERE = 'log._sessionscope';

/**
 * The saved analysis of a redacted HAR export, with the trace read from its entries (marked as holding hashes);
 * undefined for a HAR that is not one. One that saved no analysis, or one that cannot be read (a warning on the trace
 * then says so), is analysed again from its hashes: `trace` holds it.
 */
export function savedHarAnalysis(
  document: unknown,
  trace: Trace,
  file?: string,
): { readonly saved: NativeTrace } | { readonly trace: Trace } | undefined {
  const ours = sessionscopeLogField(document);
  if (!isObject(ours) || ownField(ours, 'values') !== 'redacted') return undefined;
  // Its values are hashes, whatever else it saved: the rules that judge a value must not judge them.
  const hashed: Trace = { ...trace, source: { ...trace.source, valuesRedacted: true } };
  if (ownField(ours, 'analysis') === undefined) return { trace: hashed };
  const f = new NativeFields(file);
  try {
    return { saved: read(f, ours, hashed) };
  } catch (thrown) {
    if (!(thrown instanceof TraceInputError)) throw thrown;
    const warning: TraceInputWarning = {
      where: thrown.where ?? WHERE,
      message: `the analysis this export saved could not be read (${thrown.problem}); analysed again from its hashed values, so rules that read a value may differ from what the exporter saw`,
    };
    return { trace: withWarnings(hashed, [warning]) };
  }
}

function read(f: NativeFields, ours: JsonObject, trace: Trace): NativeTrace {
  const settings = readSettings(f, f.requiredObject(ours, 'settings', WHERE), `${WHERE}.settings`);
  const analysis = readAnalysis(f, f.requiredObject(ours, 'analysis', WHERE), `${WHERE}.analysis`);
  const sourceFormat = ownField(ours, 'sourceFormat');
  const format = SOURCE_FORMATS.find((known) => known === sourceFormat) ?? 'har';
  // What this reader left out of the saved analysis (a story it could not read) is said with the trace's own notes.
  const withNotes = withWarnings(trace, f.notes);
  return {
    trace: withNotes,
    settings,
    values: 'redacted',
    analysis,
    exportedFrom: {
      format,
      ...(trace.source.creator !== undefined ? { creator: trace.source.creator } : {}),
      ...(trace.source.browser ? { browser: trace.source.browser } : {}),
    },
  };
}
