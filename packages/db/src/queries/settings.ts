import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { settings } from '../schema/index.ts';

/** A stored setting's JSON value, version and when it changed, or undefined while it has its default. */
export async function getSetting(db: Database, key: string): Promise<{ value: unknown; version: number; updatedAt: Date } | undefined> {
  const [row] = await db
    .select({ value: settings.value, version: settings.version, updatedAt: settings.updatedAt })
    .from(settings)
    .where(eq(settings.key, key));
  return row;
}

/**
 * Stores a setting and bumps its version. With `expectedVersion` (0: the default is still in
 * use), only if nobody changed it since that version was read; returns whether it was stored.
 */
export async function putSetting(db: Database, key: string, value: unknown, now: Date, expectedVersion?: number): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await db.insert(settings).values({ key, value, updatedAt: now }).onConflictDoNothing().returning({ key: settings.key });
    return inserted.length > 0;
  }
  if (expectedVersion !== undefined) {
    const updated = await db
      .update(settings)
      .set({ value, updatedAt: now, version: sql`${settings.version} + 1` })
      .where(and(eq(settings.key, key), eq(settings.version, expectedVersion)))
      .returning({ key: settings.key });
    return updated.length > 0;
  }
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, version: sql`${settings.version} + 1` } });
  return true;
}

// One advisory lock key for "the settings the stored assessments were computed under".
const SETTINGS_LOCK = sql`hashtext('autonomy.settings')`;

/**
 * Keeps the settings from changing until this transaction ends: every write that assesses figures
 * takes it (shared, so writers do not wait for each other) before reading the settings, and a
 * settings change takes it exclusively (`lockSettingsForChange`) before anything else. Either the
 * change waits for the writer to commit and then reassesses its figures too, or the writer waits
 * and reads the new settings: no assessment is ever left computed under settings that were replaced.
 */
export async function lockSettingsForRead(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${SETTINGS_LOCK})`);
}

export async function lockSettingsForChange(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${SETTINGS_LOCK})`);
}
