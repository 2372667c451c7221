// The protocol between the background and a Sessions panel: the messages over a `runtime.connect` port named
// `panel:<tabId>`, and the recording settings they carry (with the storage keys the panel names to the user).
// The one module both sides import — the panel never reaches into background/ — and every message is a plain
// JSON object tagged by `type`.
import type { TraceEvent } from '../core/trace/types.ts';

/** Prefix of the port name; the inspected tab's id follows it. */
export const PANEL_PORT_PREFIX = 'panel:';

export function panelPortName(tabId: number): string {
  return `${PANEL_PORT_PREFIX}${tabId}`;
}

/** The tab id a port name speaks for, or undefined when the port is not a panel's. */
export function tabIdOfPortName(name: string): number | undefined {
  if (!name.startsWith(PANEL_PORT_PREFIX)) return undefined;
  const tabId = Number(name.slice(PANEL_PORT_PREFIX.length));
  return Number.isInteger(tabId) ? tabId : undefined;
}

/**
 * One recorded event with its per-tab sequence number. Sequence numbers start at 0, grow by one per
 * event and survive a service-worker restart, so a panel can resume exactly where it stopped.
 */
export interface RecordedEvent {
  readonly seq: number;
  readonly event: TraceEvent;
  /** For request hops: a key of the browser's request id and URL, so a restarted worker can tell a hop it already has. */
  readonly hop?: string;
}

/** Panel → background. */
export type PanelMessage =
  /** Sent right after connecting: "give me every event after `since`" (-1 for all of them). */
  | { readonly type: 'subscribe'; readonly since: number }
  /** Forget the tab's recorded events (every panel of the tab gets a `snapshot` with `reset: true`). */
  | { readonly type: 'clear' }
  /** Turn "Preserve log" on or off (a global setting, `settings.preserveLog` in storage.local). */
  | { readonly type: 'setPreserveLog'; readonly value: boolean }
  | { readonly type: 'setRecordFromStart'; readonly value: boolean };

/** Background → panel. */
export type BackgroundMessage =
  /**
   * The answer to `subscribe`: every recorded event after `since`, in order. With `reset: true` the
   * panel must first drop every event it holds (the recording was cleared, by the user or by a
   * navigation without "Preserve log"); such a snapshot is also pushed unasked when that happens.
   */
  | ({
      readonly type: 'snapshot';
      readonly events: readonly RecordedEvent[];
      readonly reset?: boolean;
    } & RecordingHealth)
  /** Events recorded since the last message, in order; follows the snapshot for as long as the port lives. */
  | ({ readonly type: 'events'; readonly events: readonly RecordedEvent[] } & RecordingHealth)
  /** Whether the extension may see the inspected pages' requests (Firefox MV3: host access is opt-in). */
  | { readonly type: 'permissions'; readonly granted: boolean }
  /** The recording settings now in force; sent after each snapshot and whenever they change. */
  | ({ readonly type: 'settings' } & RecordingSettings);

/**
 * The recording settings, kept in storage.local under `settings.*` keys so they outlive the browser session
 * (background/settings.ts reads and defaults them).
 */
export interface RecordingSettings {
  /** Per-tab cap; past it the oldest events are dropped and counted. */
  readonly maxEventsPerTab: number;
  /** Record every tab from its creation (so a login before DevTools opened is seen), or only tabs with a panel. */
  readonly recordFromStart: boolean;
  /** Keep the log across top-level navigations; off clears it on each one, as DevTools' Network panel does. */
  readonly preserveLog: boolean;
}

/** Where each setting is kept in storage.local (the panel names the key when it explains the cap). */
export const SETTINGS_KEYS: Readonly<Record<keyof RecordingSettings, string>> = {
  maxEventsPerTab: 'settings.maxEventsPerTab',
  recordFromStart: 'settings.recordFromStart',
  preserveLog: 'settings.preserveLog',
};

/** What a panel must tell the user about the completeness of the recording. */
export interface RecordingHealth {
  /** Events of this page of the recording the background no longer holds (oldest first, past the cap). */
  readonly droppedCount?: number;
  /** storage.session ran out of room for this tab: only its newest stored events would survive a service-worker restart. */
  readonly storageDegraded?: boolean;
}

/** Shape checks per message type: a port is a trust boundary, even between our own pages. */
const PANEL_MESSAGE_CHECKS: Readonly<Record<PanelMessage['type'], (message: Record<string, unknown>) => boolean>> = {
  subscribe: (message) => typeof message.since === 'number' && Number.isInteger(message.since),
  clear: () => true,
  setPreserveLog: (message) => typeof message.value === 'boolean',
  setRecordFromStart: (message) => typeof message.value === 'boolean',
};

export function isPanelMessage(value: unknown): value is PanelMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  const check = Object.hasOwn(PANEL_MESSAGE_CHECKS, String(message.type))
    ? PANEL_MESSAGE_CHECKS[message.type as PanelMessage['type']]
    : undefined;
  return check?.(message) ?? false;
}
