import { type Database, getSetting } from '@autonomy/db';
import { DEFAULT_SETTINGS, type DriftSettings, parseDriftSettings } from '@autonomy/domain';

export const DRIFT_SETTINGS_KEY = 'drift';

export interface StoredDriftSettings {
  settings: DriftSettings;
  /** null while the organisation uses the brief's defaults. */
  updatedAt: Date | null;
  /** The stored row's version, 0 while the defaults apply: the settings' ETag. */
  version: number;
}

/** The organisation's drift settings; the brief's defaults until an admin changes them. */
export async function loadDriftSettings(db: Database): Promise<StoredDriftSettings> {
  const stored = await getSetting(db, DRIFT_SETTINGS_KEY);
  if (!stored) return { settings: DEFAULT_SETTINGS, updatedAt: null, version: 0 };
  // Settings are validated before they are saved; a stored value that no longer passes means
  // the rules tightened since, and the defaults are the safe reading.
  const parsed = parseDriftSettings(stored.value);
  if (!parsed.ok) {
    console.warn('Stored drift settings are no longer valid; using the defaults.');
    return { settings: DEFAULT_SETTINGS, updatedAt: null, version: stored.version };
  }
  return { settings: parsed.settings, updatedAt: stored.updatedAt, version: stored.version };
}
