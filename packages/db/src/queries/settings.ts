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
