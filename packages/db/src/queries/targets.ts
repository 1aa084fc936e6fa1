import { monthRange } from '@autonomy/domain';
import { and, asc, between, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { areaMonths, nextAreaMonthVersion, targetChanges } from '../schema/index.ts';
import { lockAreas } from './areas.ts';
import type { AuditActor } from './audit.ts';

export type TargetChangeRow = typeof targetChanges.$inferSelect;
export type TargetChangeSource = TargetChangeRow['source'];

export interface MonthTarget {
  month: string;
  revenueTarget: number;
  /** True for a month without figures yet: its target is the latest change that covered it. */
  planned: boolean;
}

export interface PreviousTarget {
  month: string;
  revenueTarget: number;
}

/** The reason recorded when a target changes as part of other figures rather than on its own. */
export const TARGET_REASON_BY_SOURCE: Readonly<Record<Exclude<TargetChangeSource, 'target'>, string>> = {
  figures: "Changed with the month's figures",
  import: 'Changed by a CSV import',
};

/**
 * Sets one revenue target for every month from `from` to `to`: months with figures get the new
 * target (and a new version, so an editor holding the old one sees a conflict); months without
 * figures get it as their planned target. Records the change with each month's previous target.
 */
export async function changeTargets(
  db: Database,
  change: { areaId: string; from: string; to: string; revenueTarget: number; reason: string; actor: AuditActor },
): Promise<{ change: TargetChangeRow; months: MonthTarget[] }> {
  const { areaId, from, to, revenueTarget, actor } = change;
  await lockAreas(db, [areaId]);
  const before = new Map((await listMonthTargets(db, areaId, { from, to })).map((target) => [target.month, target]));

  await db
    .update(areaMonths)
    .set({ revenueTarget, updatedBy: actor.id, updatedAt: new Date(), version: nextAreaMonthVersion })
    .where(
      and(eq(areaMonths.areaId, areaId), between(areaMonths.month, from, to), sql`${areaMonths.revenueTarget} <> ${revenueTarget}`),
    );

  const previous = [...before.values()].map(({ month, revenueTarget }) => ({ month, revenueTarget }));
  const row = await recordTargetChange(db, { ...change, source: 'target', previous });
  const months = monthRange(from, to).map((month) => {
    const hasFigures = before.get(month)?.planned === false;
    return { month, revenueTarget, planned: !hasFigures };
  });
  return { change: row, months };
}

/** Appends one change to an area's target history. */
export async function recordTargetChange(
  db: Database,
  change: {
    areaId: string;
    from: string;
    to: string;
    revenueTarget: number;
    reason: string;
    source: TargetChangeSource;
    previous: PreviousTarget[];
    actor: AuditActor;
  },
): Promise<TargetChangeRow> {
  const [row] = await db
    .insert(targetChanges)
    .values({
      areaId: change.areaId,
      fromMonth: change.from,
      toMonth: change.to,
      revenueTarget: change.revenueTarget,
      reason: change.reason,
      source: change.source,
      previous: change.previous,
      actorId: change.actor.id,
      actorEmail: change.actor.email,
      actorName: change.actor.name,
    })
    .returning();
  if (!row) throw new Error('recording a target change returned no row');
  return row;
}

/**
 * Each month's revenue target, oldest first: from the figures where the month has them, else the
 * planned target of the latest change that covered the month. `from`/`to` narrow it to a range.
 */
export async function listMonthTargets(
  db: Database,
  areaId: string,
  range: { from?: string; to?: string } = {},
): Promise<MonthTarget[]> {
  const inRange = (month: string) => (!range.from || month >= range.from) && (!range.to || month <= range.to);
  const figures = await db
    .select({ month: areaMonths.month, revenueTarget: areaMonths.revenueTarget })
    .from(areaMonths)
    .where(
      and(
        eq(areaMonths.areaId, areaId),
        range.from ? gte(areaMonths.month, range.from) : undefined,
        range.to ? lte(areaMonths.month, range.to) : undefined,
      ),
    );
  // Only the changes whose range overlaps the one asked for.
  const changes = await db
    .select({ from: targetChanges.fromMonth, to: targetChanges.toMonth, revenueTarget: targetChanges.revenueTarget })
    .from(targetChanges)
    .where(
      and(
        eq(targetChanges.areaId, areaId),
        range.to ? lte(targetChanges.fromMonth, range.to) : undefined,
        range.from ? gte(targetChanges.toMonth, range.from) : undefined,
      ),
    )
    .orderBy(asc(targetChanges.id));

  const byMonth = new Map<string, MonthTarget>();
  // Later changes overwrite earlier ones, so each month keeps the latest change that covered it.
  for (const change of changes) {
    for (const month of monthRange(change.from, change.to)) {
      if (inRange(month)) byMonth.set(month, { month, revenueTarget: change.revenueTarget, planned: true });
    }
  }
  for (const { month, revenueTarget } of figures) byMonth.set(month, { month, revenueTarget, planned: false });
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** An area's target changes, newest first; `beforeId` is the cursor of the previous page. */
export async function listTargetChanges(
  db: Database,
  areaId: string,
  page: { limit: number; beforeId?: number },
): Promise<TargetChangeRow[]> {
  return db
    .select()
    .from(targetChanges)
    .where(and(eq(targetChanges.areaId, areaId), page.beforeId ? lt(targetChanges.id, page.beforeId) : undefined))
    .orderBy(desc(targetChanges.id))
    .limit(page.limit);
}
