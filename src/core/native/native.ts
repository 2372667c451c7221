/**
 * The native trace format, `{"format": "sessionscope-trace", "version": 1, …}` (docs/TRACE-FORMAT.md): the
 * events the engine consumed, where they came from, the settings used, and the analysis the exporter saw,
 * so an import shows exactly that. Values are redacted unless the exporter asks for raw ones.
 */
import { type AnalysisResult, analyzeTrace } from '../analysis/analyze.ts';
import type { ValueView } from '../analysis/redact.ts';
import type { AnalysisSettings } from '../analysis/settings.ts';
import { inFile, parseJsonText } from '../trace/jsonText.ts';
import type { RecordingBrowser } from '../trace/recordingBrowser.ts';
import { type Trace, TraceInputError, type TraceSourceFormat } from '../trace/types.ts';
import { NativeFields } from './nativeFields.ts';
import {
  isObject,
  kindOf,
  ownField,
  readAnalysis,
  readEvent,
  readRecordingBrowser,
  readSettings,
  readWarnings,
  type SavedAnalysis,
  SOURCE_FORMATS,
} from './nativeRead.ts';
import { analysisJson, eventJson, recordingBrowserJson, settingsJson } from './nativeWrite.ts';
import { pagesForExport } from './pageExport.ts';
import { addressTokens, redactTrace } from './redactTrace.ts';

export const NATIVE_FORMAT = 'sessionscope-trace';
export const NATIVE_VERSION = 1;

export interface ExportOptions {
  /** `redacted` (the default everywhere): cookie values, credentials and IDs in URLs become `h:…` hashes. */
  readonly values?: ValueView;
  /**
   * The trace's values are hashes already (an imported redacted trace): they are written as they are, never
   * hashed twice, and the file says `redacted`.
   */
  readonly valuesAlreadyRedacted?: boolean;
  /** Who wrote the file, e.g. `{ name: 'sessionscope', version: '0.1.0' }`. */
  readonly tool?: { readonly name: string; readonly version: string };
}

/** A native trace as read: the trace to analyse, the settings and the analysis the exporter saw. */
export interface NativeTrace {
  readonly trace: Trace;
  readonly settings: AnalysisSettings;
  /** Whether the file holds raw values or hashes (then analyse it with `values: 'raw'`: they are hashes already). */
  readonly values: ValueView;
  readonly analysis: SavedAnalysis;
  /** Where the exporter's trace came from (a HAR by Chrome 156, a live recording, …). */
  readonly exportedFrom: {
    readonly format: TraceSourceFormat;
    readonly creator?: string;
    readonly file?: string;
    readonly browser?: RecordingBrowser;
  };
}

/** The last path segment: the exporter's directory layout is nobody's business. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * The file's `entryCount`, which every `entry.index` must be below. A live recording whose oldest events were
 * dropped (the per-tab cap) holds entries numbered from N > 0, and counting them would give a file no reader
 * accepts: the count then covers the dropped entries too, as a HAR's would.
 */
function entryCountOf(trace: Trace): number {
  let count = trace.entryCount;
  for (const e of trace.events) if (e.kind === 'entry' && e.entry.index >= count) count = e.entry.index + 1;
  return count;
}

/**
 * The native trace document for `trace` as analysed in `result` (its settings are saved, and the analysis is
 * rendered again in the requested value view so a redacted file holds no raw value even when the panel showed
 * raw ones). Deterministic: the same trace and settings give the same bytes.
 */
export function exportNativeTrace(trace: Trace, result: AnalysisResult, options: ExportOptions = {}): string {
  const hashed = options.valuesAlreadyRedacted === true;
  const values = hashed ? 'redacted' : (options.values ?? 'redacted');
  const analysis = analyzeTrace(trace, { settings: result.settings, values: hashed ? 'raw' : values });
  const redaction = values === 'redacted' && !hashed ? redactTrace(trace, addressTokens(analysis)) : undefined;
  const events = (redaction?.trace ?? trace).events;
  // What the analysis read of the pages the source kept, with the user names as the written POSTs show them.
  const pages = pagesForExport(trace, redaction?.trace ?? trace);
  const text = redaction?.text ?? ((t: string) => t);
  const source = trace.source;
  const document = {
    format: NATIVE_FORMAT,
    version: NATIVE_VERSION,
    ...(options.tool ? { tool: { name: options.tool.name, version: options.tool.version } } : {}),
    values,
    source: {
      format: source.format,
      ...(source.creator !== undefined ? { creator: source.creator } : {}),
      ...(source.file !== undefined ? { file: baseName(source.file) } : {}),
      // Re-analysis judges cookies by this browser's defaults, as the analysis of the source did.
      ...(source.browser ? { browser: recordingBrowserJson(source.browser) } : {}),
    },
    entryCount: entryCountOf(trace),
    ...(trace.warnings?.length
      ? { warnings: trace.warnings.map((w) => ({ where: w.where, message: text(w.message) })) }
      : {}),
    settings: settingsJson(result.settings),
    events: events.map((e) => eventJson(e, pages)),
    analysis: analysisJson(analysis, text),
  };
  return `${JSON.stringify(document, null, 1)}\n`;
}

/** Reads a native trace file's text. Throws TraceInputError, and nothing else. */
export function parseNativeTraceText(text: string, file?: string): NativeTrace {
  return parseNativeTrace(parseJsonText(text, file), file);
}

/** Reads an already-parsed native trace document, strictly. Throws TraceInputError, and nothing else. */
export function parseNativeTrace(doc: unknown, file?: string): NativeTrace {
  const f = new NativeFields(file);
  try {
    return readDocument(f, doc, file);
  } catch (thrown) {
    throw f.asInputError(thrown, '', 'the trace');
  }
}

function readDocument(f: NativeFields, doc: unknown, file: string | undefined): NativeTrace {
  if (!isObject(doc)) {
    return f.fail('', `not a Sessionscope trace: the top level is ${kindOf(doc)}, expected an object`);
  }
  if (ownField(doc, 'format') !== NATIVE_FORMAT) {
    return f.fail('format', `not a Sessionscope trace: "format" must be "${NATIVE_FORMAT}"`);
  }
  const version = ownField(doc, 'version');
  if (version !== NATIVE_VERSION) {
    const newer = typeof version === 'number' && version > NATIVE_VERSION;
    const shown = typeof version === 'number' ? String(version) : JSON.stringify(version ?? null);
    throw new TraceInputError(
      inFile(
        file,
        newer
          ? `trace version ${shown} is newer than this Sessionscope understands (${NATIVE_VERSION})`
          : `trace version ${shown} is not one this Sessionscope understands (${NATIVE_VERSION})`,
      ),
      'version',
    );
  }
  const values = f.requiredOneOf(doc, 'values', '', ['redacted', 'raw'] as const);
  const src = f.requiredObject(doc, 'source', '');
  const creator = f.optionalString(src, 'creator', 'source');
  const sourceFile = f.optionalString(src, 'file', 'source');
  const browser = readRecordingBrowser(f, src, 'source');
  const exportedFrom = {
    format: f.requiredOneOf(src, 'format', 'source', SOURCE_FORMATS),
    ...(creator !== undefined ? { creator } : {}),
    ...(sourceFile !== undefined ? { file: sourceFile } : {}),
    ...(browser ? { browser } : {}),
  };
  const entryCount = f.requiredCount(doc, 'entryCount', '');
  const warnings = readWarnings(f, doc);
  const settings = readSettings(f, f.requiredObject(doc, 'settings', ''), 'settings');
  const events = f.objects(doc, 'events', '').map(({ item, at }) => readEvent(f, item, at));
  events.forEach((ev, i) => {
    if (ev.kind === 'entry' && ev.entry.index >= entryCount) {
      f.fail(`events[${i}].entry.index`, `entry index ${ev.entry.index} is not below entryCount (${entryCount})`);
    }
  });
  const analysis = readAnalysis(f, f.requiredObject(doc, 'analysis', ''), 'analysis');
  // The exporter's warnings, then what this reader left out (a saved story it could not read).
  warnings.push(...f.notes);
  const trace: Trace = {
    source: {
      format: NATIVE_FORMAT,
      ...(creator !== undefined ? { creator } : {}),
      ...(browser ? { browser } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(values === 'redacted' ? { valuesRedacted: true as const } : {}),
    },
    events,
    entryCount,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  return { trace, settings, values, analysis, exportedFrom };
}
