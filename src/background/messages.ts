// The messages between the background and a Sessions panel over a `runtime.connect` port named
// `panel:<tabId>`. Shared by both sides; every message is a plain JSON object tagged by `type`.
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
}

/** Panel → background. */
export type PanelMessage =
  /** Sent right after connecting: "give me every event after `since`" (-1 for all of them). */
  { readonly type: 'subscribe'; readonly since: number };

/** Background → panel. */
export type BackgroundMessage =
  /** The answer to `subscribe`: every recorded event after `since`, in order. */
  | { readonly type: 'snapshot'; readonly events: readonly RecordedEvent[] }
  /** Events recorded since the last message, in order; follows the snapshot for as long as the port lives. */
  | { readonly type: 'events'; readonly events: readonly RecordedEvent[] };

export function isPanelMessage(value: unknown): value is PanelMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; since?: unknown };
  return message.type === 'subscribe' && typeof message.since === 'number';
}
