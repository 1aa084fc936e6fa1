import { resolve } from 'node:path';
import { type DatabaseHandle, openDatabase } from '@autonomy/db';
import type { Settings } from './env.ts';

/** The database the settings name: PostgreSQL at DATABASE_URL, else the embedded one in DATA_DIR. */
export function openConfiguredDatabase(settings: Pick<Settings, 'DATABASE_URL' | 'DATA_DIR'>): Promise<DatabaseHandle> {
  return openDatabase(
    settings.DATABASE_URL ? { kind: 'postgres', url: settings.DATABASE_URL } : { kind: 'embedded', dataDir: resolve(settings.DATA_DIR) },
  );
}
