// The settings keeper: a setting the background writes is applied from what storage then holds, with or without
// a storage.onChanged event (Chrome drops it now and then for a write made while the worker is starting), and a
// reported change is applied when it touches a setting.
import { describe, expect, it } from 'vitest';
import type { RecordingSettings } from '../protocol/messages.ts';
import { SETTINGS_KEYS } from '../protocol/messages.ts';
import { DEFAULT_SETTINGS, type SettingsArea, SettingsKeeper } from './settings.ts';

/** storage.local as a plain map that never reports a change: the dropped-event case. */
function silentArea(initial: Record<string, unknown> = {}): SettingsArea & { items: Record<string, unknown> } {
  const items = { ...initial };
  return {
    items,
    get: async () => ({ ...items }),
    set: async (more) => void Object.assign(items, more),
  };
}

function keeperOver(area: SettingsArea) {
  const applied: RecordingSettings[] = [];
  return { keeper: new SettingsKeeper(area, (settings) => void applied.push(settings)), applied };
}

describe('SettingsKeeper', () => {
  it('applies a setting it wrote although storage reported no change', async () => {
    const area = silentArea();
    const { keeper, applied } = keeperOver(area);
    await keeper.write('recordFromStart', true);
    expect(area.items[SETTINGS_KEYS.recordFromStart]).toBe(true);
    expect(applied).toEqual([{ ...DEFAULT_SETTINGS, recordFromStart: true }]);
    await keeper.write('preserveLog', false);
    expect(applied.at(-1)).toEqual({ ...DEFAULT_SETTINGS, recordFromStart: true, preserveLog: false });
  });

  it('applies what storage holds when a reported change touches a setting, and only then', async () => {
    const area = silentArea({ [SETTINGS_KEYS.maxEventsPerTab]: 500 });
    const { keeper, applied } = keeperOver(area);
    keeper.changed(['unrelated'], 'local');
    keeper.changed([SETTINGS_KEYS.maxEventsPerTab], 'session');
    keeper.changed([SETTINGS_KEYS.maxEventsPerTab], 'local');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(applied).toEqual([{ ...DEFAULT_SETTINGS, maxEventsPerTab: 500 }]);
  });

  it('reads a value of the wrong kind as the default', async () => {
    const { keeper } = keeperOver(
      silentArea({ [SETTINGS_KEYS.preserveLog]: 'no', [SETTINGS_KEYS.maxEventsPerTab]: 0 }),
    );
    expect(await keeper.read()).toEqual(DEFAULT_SETTINGS);
  });
});
