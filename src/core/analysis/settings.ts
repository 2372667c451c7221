/** Analysis settings: the thresholds and overrides RULES.md calls settings, with their defaults. */

export interface AnalysisSettings {
  /** Cookie names the user marked as session cookies (CLI `--session-cookie`, panel toggle). */
  readonly sessionCookies: readonly string[];
  /** Cookie names the user unmarked: never treated as session cookies. */
  readonly notSessionCookies: readonly string[];
  /** cookie-persistent-session: lifetimes longer than this are flagged. Default 24 h. */
  readonly persistentThresholdSeconds: number;
  /** session-id-low-entropy: below this many bits is flagged. Default 64 (OWASP). */
  readonly minEntropyBits: number;
  /** The clock for expiry decisions (CLI `--now`); default each entry's own start time. */
  readonly now?: number;
  /**
   * Judge third-party sessions (hosts outside the inspected site) at full severity (CLI `--third-party-sessions`).
   * Off by default: a developer cannot fix an ad server's cookies, so those raise nothing above `low`.
   */
  readonly thirdPartySessions: boolean;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  sessionCookies: [],
  notSessionCookies: [],
  persistentThresholdSeconds: 24 * 60 * 60,
  minEntropyBits: 64,
  thirdPartySessions: false,
};

export function withDefaults(partial: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return { ...DEFAULT_SETTINGS, ...partial };
}
