import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { areaLeads, areas, users } from '../schema/index.ts';

export type AreaRow = typeof areas.$inferSelect;
export type AreaWithLeads = AreaRow & { leadEmails: string[] };

// An area may have several leads, listed by email; a deactivated or demoted lead is not listed
// (and has no right to the area), but comes back if reactivated. Written as plain SQL because drizzle leaves
// column names unqualified in a single-table select, and the correlated subquery must say which
// table's `id` it means.
const leadEmails = sql<string[]>`coalesce((
  select array_agg(lead.email order by lead.email) from area_leads as area_lead
  join users as lead on lead.id = area_lead.user_id
  where area_lead.area_id = "areas"."id" and lead.active and lead.role in ('area_lead', 'admin')
), '{}'::text[])`;

const areaWithLeadColumns = {
  id: areas.id,
  slug: areas.slug,
  name: areas.name,
  description: areas.description,
  status: areas.status,
  version: areas.version,
  createdAt: areas.createdAt,
  updatedAt: areas.updatedAt,
  leadEmails,
};

/** Areas in slug order; `afterSlug` is the cursor of the previous page. */
export async function listAreas(db: Database, page: { limit: number; afterSlug?: string }): Promise<AreaWithLeads[]> {
  return db
    .select(areaWithLeadColumns)
    .from(areas)
    .where(page.afterSlug ? gt(areas.slug, page.afterSlug) : undefined)
    .orderBy(asc(areas.slug))
    .limit(page.limit);
}

export async function getAreaBySlug(db: Database, slug: string): Promise<AreaWithLeads | undefined> {
  const [row] = await db.select(areaWithLeadColumns).from(areas).where(eq(areas.slug, slug));
  return row;
}

/** Inserts an area, or returns undefined when the slug is taken. */
export async function createArea(
  db: Database,
  area: { slug: string; name: string; description: string },
): Promise<AreaRow | undefined> {
  const [row] = await db.insert(areas).values(area).onConflictDoNothing({ target: areas.slug }).returning();
  return row;
}

/**
 * Changes an area and bumps its version. With `expectedVersion`, changes it only if nobody else
 * has in the meantime; returns whether the row was changed.
 */
export async function updateArea(
  db: Database,
  areaId: string,
  patch: Partial<Pick<AreaRow, 'name' | 'description' | 'status'>>,
  expectedVersion?: number,
): Promise<boolean> {
  const changed = await db
    .update(areas)
    .set({ ...patch, version: sql`${areas.version} + 1`, updatedAt: new Date() })
    .where(and(eq(areas.id, areaId), expectedVersion === undefined ? undefined : eq(areas.version, expectedVersion)))
    .returning({ id: areas.id });
  return changed.length > 0;
}

/** Makes exactly these users the area's leads (none leaves it without a lead). */
export async function setAreaLeads(db: Database, areaId: string, userIds: readonly string[]): Promise<void> {
  const wanted = new Set(userIds);
  const removed = await db.delete(areaLeads).where(eq(areaLeads.areaId, areaId)).returning({ userId: areaLeads.userId });
  if (wanted.size > 0) await db.insert(areaLeads).values([...wanted].map((userId) => ({ areaId, userId })));
  const had = new Set(removed.map((row) => row.userId));
  await touchUsers(db, [...[...wanted].filter((id) => !had.has(id)), ...[...had].filter((id) => !wanted.has(id))]);
}

/**
 * The areas a user leads are part of their account (`areaSlugs`), so gaining or losing one is a
 * new version of it: an admin's change based on the old one is refused (412).
 */
async function touchUsers(db: Database, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .update(users)
    .set({ version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(inArray(users.id, [...userIds]));
}

/**
 * Holds the areas' rows until the transaction ends, so writes to one area's figures and targets
 * happen one after another and each reads what the previous one wrote (its history's "before").
 * Locked in id order, so two writers locking several areas cannot deadlock.
 */
export async function lockAreas(db: Database, areaIds: readonly string[]): Promise<void> {
  if (areaIds.length === 0) return;
  await db.select({ id: areas.id }).from(areas).where(inArray(areas.id, [...areaIds])).orderBy(asc(areas.id)).for('update');
}

/** Finds an area by slug and locks it for this transaction (as `lockAreas`), in one statement; undefined when there is none. */
export async function lockAreaBySlug(db: Database, slug: string): Promise<{ id: string } | undefined> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.slug, slug)).for('update');
  return row;
}

/** Adds one lead to an area, keeping the others. */
export async function addAreaLead(db: Database, areaId: string, userId: string): Promise<void> {
  const added = await db.insert(areaLeads).values({ areaId, userId }).onConflictDoNothing().returning({ userId: areaLeads.userId });
  await touchUsers(db, added.map((row) => row.userId));
}

export async function isAreaLead(db: Database, areaId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ areaId: areaLeads.areaId })
    .from(areaLeads)
    .where(and(eq(areaLeads.areaId, areaId), eq(areaLeads.userId, userId)));
  return row !== undefined;
}

/** Which of these slugs name an area. */
export async function existingAreaSlugs(db: Database, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.select({ slug: areas.slug }).from(areas).where(inArray(areas.slug, [...slugs]));
  return new Set(rows.map((row) => row.slug));
}

/** The slugs of some areas, by id. */
export async function listAreaSlugs(db: Database, areaIds: readonly string[]): Promise<Map<string, string>> {
  if (areaIds.length === 0) return new Map();
  const rows = await db.select({ id: areas.id, slug: areas.slug }).from(areas).where(inArray(areas.id, [...areaIds]));
  return new Map(rows.map((row) => [row.id, row.slug]));
}

/** Every area's id, archived ones included, in id order (stable, for working through all areas in batches). */
export async function listAreaIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: areas.id }).from(areas).orderBy(asc(areas.id));
  return rows.map((row) => row.id);
}
