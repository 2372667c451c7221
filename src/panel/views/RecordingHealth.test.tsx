// @vitest-environment happy-dom
// The recording-health notice: shown only when the background dropped events or storage is full, with
// the exact count and cap the background reported.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanelState } from '../store.ts';
import { RecordingHealth } from './RecordingHealth.tsx';

const base: PanelState = { events: [], eventCount: 0, status: 'live' };
const text = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

afterEach(cleanup);

describe('RecordingHealth', () => {
  it('says nothing while the recording is complete and stored', () => {
    const { container } = render(<RecordingHealth panel={{ ...base, droppedCount: 0, storageDegraded: false }} />);
    expect(container.querySelector('[data-testid="recording-health"]')).toBeNull();
  });

  it('shows the exact dropped count and the cap', () => {
    const { container } = render(<RecordingHealth panel={{ ...base, droppedCount: 1234, maxEventsPerTab: 400 }} />);
    expect(text(container, 'dropped-count')).toBe('1,234');
    expect(text(container, 'dropped-cap')).toBe('400');
    expect(container.querySelector('[data-testid="dropped-notice"]')?.getAttribute('data-dropped')).toBe('1234');
    expect(text(container, 'dropped-notice')).toContain('settings.maxEventsPerTab');
    expect(container.querySelector('[data-testid="storage-notice"]')).toBeNull();
  });

  it('shows the storage notice alone when only storage is full', () => {
    const { container } = render(<RecordingHealth panel={{ ...base, droppedCount: 0, storageDegraded: true }} />);
    expect(text(container, 'storage-notice')).toMatch(/^Storage full/);
    expect(container.querySelector('[data-testid="dropped-notice"]')).toBeNull();
  });
});
