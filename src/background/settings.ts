// The recording settings, kept in storage.local under `settings.*` keys so they outlive the browser
// session: how many events a tab may hold, whether tabs are recorded from creation or only once a
// Sessions panel opens for them, and whether a top-level navigation keeps the log ("Preserve log").
// Their shape and keys are part of the panel protocol (protocol/messages.ts); their defaults and reading
// are the background's.
import { type RecordingSettings, SETTINGS_KEYS } from '../protocol/messages.ts';

export const DEFAULT_SETTINGS: RecordingSettings = {
  maxEventsPerTab: 100_000,
  // Off by default, as DevTools' own Network panel records only while open: with it on, every request of
  // every tab passes through our listeners, and page loads take 15–40 % longer in every tab of the
  // profile (bench/RESULTS.md, row 1). Off, and with no Sessions panel open, the background has no
  // listener at all. Users who need the login that happened before DevTools opened tick "Record from
  // start" in the panel.
  recordFromStart: false,
  // On by default: a lost session is a story across navigations (login → redirect → the page that
  // forgot it), and a log cleared at each one would hide exactly that. Users can turn it off.
  preserveLog: true,
};

/** Accepted values per setting; anything else (a hand-edited or corrupt store) falls back to the default. */
const VALID: { readonly [K in keyof RecordingSettings]: (value: unknown) => value is RecordingSettings[K] } = {
  maxEventsPerTab: (value): value is number => Number.isInteger(value) && (value as number) >= 1,
  recordFromStart: (value): value is boolean => typeof value === 'boolean',
  preserveLog: (value): value is boolean => typeof value === 'boolean',
};

/** The settings held in storage.local items (as `storage.local.get(null)` returns them). */
export function settingsFrom(items: Readonly<Record<string, unknown>>): RecordingSettings {
  const read = <K extends keyof RecordingSettings>(key: K): RecordingSettings[K] => {
    const value = items[SETTINGS_KEYS[key]];
    return VALID[key](value) ? value : DEFAULT_SETTINGS[key];
  };
  return {
    maxEventsPerTab: read('maxEventsPerTab'),
    recordFromStart: read('recordFromStart'),
    preserveLog: read('preserveLog'),
  };
}

/** Whether a storage.onChanged change touches a setting. */
export function touchesSettings(changedKeys: readonly string[]): boolean {
  const keys = new Set(Object.values(SETTINGS_KEYS));
  return changedKeys.some((key) => keys.has(key));
}

/** The slice of storage.local the settings need. */
export interface SettingsArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Keeps the background's settings in step with storage.local: when storage.onChanged reports a change, and after
 * each write the background makes itself (the panel's checkboxes reach it as port messages). The second is not
 * redundant: Chrome drops the onChanged event now and then for a write made while the worker is just starting (5 of
 * 52 fresh launches in a test browser), and the setting would then wait for the next restart of the worker.
 */
export class SettingsKeeper {
  constructor(
    private readonly area: SettingsArea,
    /** Records and captures by the settings, and tells the panels. */
    private readonly apply: (settings: RecordingSettings) => void,
  ) {}

  read(): Promise<RecordingSettings> {
    return this.area.get(null).then(settingsFrom);
  }

  /** Reads the settings and applies them. */
  async refresh(): Promise<void> {
    this.apply(await this.read());
  }

  /** Stores one setting, then applies what storage holds. */
  async write<K extends keyof RecordingSettings>(key: K, value: RecordingSettings[K]): Promise<void> {
    await this.area.set({ [SETTINGS_KEYS[key]]: value });
    await this.refresh();
  }

  /** storage.onChanged's report: applies the settings again when it touches one. */
  changed(changedKeys: readonly string[], areaName: string): void {
    if (areaName === 'local' && touchesSettings(changedKeys)) void this.refresh();
  }
}
