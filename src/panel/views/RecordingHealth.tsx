// Tells the user when the live recording is incomplete or at risk: events the background dropped past
// its per-tab cap, and a full storage.session (what the background then does is in recorder-store.ts:
// it gives up its oldest stored chunks, keeps every event in memory and keeps recording).
import { SETTINGS_KEYS } from '../../protocol/messages.ts';
import type { PanelState } from '../store.ts';

const count = (n: number) => n.toLocaleString('en-US');

export function RecordingHealth({ panel }: { panel: PanelState }) {
  const dropped = panel.droppedCount ?? 0;
  if (dropped <= 0 && !panel.storageDegraded) return null;
  return (
    <div class="notice recording-health" role="status" data-testid="recording-health">
      {dropped > 0 ? (
        <p data-testid="dropped-notice" data-dropped={dropped}>
          <strong data-testid="dropped-count">{count(dropped)}</strong> earlier events of this tab were dropped
          {panel.maxEventsPerTab !== undefined ? (
            <>
              {' '}
              beyond the cap of <span data-testid="dropped-cap">{count(panel.maxEventsPerTab)}</span> events per tab
            </>
          ) : (
            ' beyond the per-tab cap'
          )}{' '}
          (setting <code>{SETTINGS_KEYS.maxEventsPerTab}</code>): the background keeps only the newest, so the analysis
          may miss what happened first.
          {panel.storageDegraded ? ' Events lost to a full storage after a service-worker restart count here too.' : ''}
        </p>
      ) : null}
      {panel.storageDegraded ? (
        <p data-testid="storage-notice">
          Storage full: <code>storage.session</code> has no room left, so the background gave up its oldest stored
          events to keep the newest. Everything recorded is still shown and still in the background’s memory, and
          recording goes on; but if Chrome restarts the extension’s service worker, only the newest stored events come
          back.
        </p>
      ) : null}
    </div>
  );
}
