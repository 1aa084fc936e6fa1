import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { settings } from '../schema/index.ts';

/** A stored setting's JSON value and when it changed, or undefined while it has its default. */
export async function getSetting(db: Database, key: string): Promise<{ value: unknown; updatedAt: Date } | undefined> {
  const [row] = await db.select({ value: settings.value, updatedAt: settings.updatedAt }).from(settings).where(eq(settings.key, key));
  return row;
}

export async function putSetting(db: Database, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}
