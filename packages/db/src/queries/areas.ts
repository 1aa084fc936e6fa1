import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { areaLeads, areas } from '../schema/index.ts';

export type AreaRow = typeof areas.$inferSelect;
export type AreaWithLead = AreaRow & { leadEmail: string | null };

// An area may have several leads; the API's `leadEmail` names the first by email. Written as
// plain SQL because drizzle leaves column names unqualified in a single-table select, and the
// correlated subquery must say which table's `id` it means.
const leadEmail = sql<string | null>`(
  select min(lead.email) from area_leads as area_lead
  join users as lead on lead.id = area_lead.user_id
  where area_lead.area_id = "areas"."id"
)`;

const areaWithLeadColumns = {
  id: areas.id,
  slug: areas.slug,
  name: areas.name,
  description: areas.description,
  status: areas.status,
  createdAt: areas.createdAt,
  updatedAt: areas.updatedAt,
  leadEmail,
};

/** Areas in slug order; `afterSlug` is the cursor of the previous page. */
export async function listAreas(db: Database, page: { limit: number; afterSlug?: string }): Promise<AreaWithLead[]> {
  return db
    .select(areaWithLeadColumns)
    .from(areas)
    .where(page.afterSlug ? gt(areas.slug, page.afterSlug) : undefined)
    .orderBy(asc(areas.slug))
    .limit(page.limit);
}

export async function getAreaBySlug(db: Database, slug: string): Promise<AreaWithLead | undefined> {
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

export async function updateArea(
  db: Database,
  areaId: string,
  patch: Partial<Pick<AreaRow, 'name' | 'description' | 'status'>>,
): Promise<void> {
  await db
    .update(areas)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(areas.id, areaId));
}

/** Makes `userId` the area's only lead, or leaves it without one. */
export async function setAreaLead(db: Database, areaId: string, userId: string | null): Promise<void> {
  await db.delete(areaLeads).where(eq(areaLeads.areaId, areaId));
  if (userId) await db.insert(areaLeads).values({ areaId, userId });
}

export async function isAreaLead(db: Database, areaId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ areaId: areaLeads.areaId })
    .from(areaLeads)
    .where(and(eq(areaLeads.areaId, areaId), eq(areaLeads.userId, userId)));
  return row !== undefined;
}

/** Every area's id, archived ones included: a full recomputation covers them all. */
export async function listAreaIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: areas.id }).from(areas);
  return rows.map((row) => row.id);
}
