import type { AreaMonthFigures } from '@autonomy/contracts';
import {
  type AreaMonthRow,
  type AuditActor,
  type Database,
  deleteAreaMonth,
  getAreaMonth,
  listMonthTargets,
  putAreaMonth,
  recordAuditEvent,
  recordTargetChange,
  TARGET_REASON_BY_SOURCE,
} from '@autonomy/db';
import { toAreaMonth } from './area-month-response.ts';
import { holdsAlready } from './unchanged.ts';
import { holdSettingsSteady, reassess } from './assessments.ts';
import { requireLockedArea } from './areas.ts';
import { type ExpectedVersions, stale, ServiceError, versionAccepted } from './errors.ts';

export interface FiguresWrite {
  slug: string;
  month: string;
  figures: AreaMonthFigures;
  /** The versions the writer read (If-Match); undefined writes whatever is there. */
  expected: ExpectedVersions;
  /** Only create (If-None-Match: *): a month that exists meanwhile is refused. */
  createOnly: boolean;
  actor: AuditActor;
  now: Date;
}

/**
 * Writes one area month: checks the version the writer read, writes, records a changed target
 * and the audit event, and reassesses the area from this month on — one transaction. Writing the
 * values already stored changes nothing and keeps the version.
 */
export async function writeFigures(db: Database, write: FiguresWrite): Promise<{ outcome: 'created' | 'updated'; row: AreaMonthRow }> {
  const { slug, month, figures, expected, createOnly, actor, now } = write;
  return db.transaction(async (tx) => {
    await holdSettingsSteady(tx);
    const area = await requireLockedArea(tx, slug);
    const before = await getAreaMonth(tx, area.id, month);
    if (createOnly && before) {
      throw stale(`Someone else added figures for ${month} in the meantime (now "${before.version}"); reload them.`);
    }
    if (expected !== undefined) {
      if (!before) throw stale(`Area "${slug}" has no figures for ${month} yet, so If-Match cannot match.`);
      if (!versionAccepted(expected, before)) {
        throw stale(`These figures changed since you read them (now "${before.version}"); reload and apply your change again.`);
      }
    }
    if (before && holdsAlready(before, figures)) return { outcome: 'updated' as const, row: before };
    // The month's target until now: its figures', or, for a new month, the one planned for it.
    const targetBefore = before?.revenueTarget ?? (await listMonthTargets(tx, area.id, { from: month, to: month }))[0]?.revenueTarget;
    const expectedVersion = expected === undefined || before === undefined ? undefined : before.version;
    const written = await putAreaMonth(tx, { areaId: area.id, month, figures, userId: actor.id, expectedVersion, createOnly });
    if (written.outcome === 'version_mismatch') {
      throw stale('Someone else changed these figures at the same moment; reload and apply your change again.');
    }
    if (targetBefore !== undefined && targetBefore !== written.row.revenueTarget) {
      await recordTargetChange(tx, {
        areaId: area.id,
        from: month,
        to: month,
        revenueTarget: written.row.revenueTarget,
        reason: TARGET_REASON_BY_SOURCE.figures,
        source: 'figures',
        previous: [{ month, revenueTarget: targetBefore }],
        actor,
      });
    }
    // Independent statements, sent together (one round trip): the audit line and the reassessment.
    await Promise.all([
      recordAuditEvent(tx, {
        actor,
        action: written.outcome === 'created' ? 'figures.created' : 'figures.updated',
        areaSlug: slug,
        subject: month,
        before: before ? toAreaMonth(slug, before) : null,
        after: toAreaMonth(slug, written.row),
      }),
      reassess(tx, [{ areaId: area.id, fromMonth: month }], now),
    ]);
    return written;
  });
}

/** Removes one area month entered by mistake, if still at a version the caller read; audited and reassessed. */
export async function removeFigures(
  db: Database,
  removal: { slug: string; month: string; expected: ExpectedVersions; actor: AuditActor; now: Date },
): Promise<void> {
  const { slug, month, expected, actor, now } = removal;
  await db.transaction(async (tx) => {
    await holdSettingsSteady(tx);
    const area = await requireLockedArea(tx, slug);
    const before = await getAreaMonth(tx, area.id, month);
    if (!before) throw new ServiceError('not_found', `Area "${slug}" has no figures for ${month}.`);
    if (!versionAccepted(expected, before)) {
      throw stale(`These figures changed since you read them (now "${before.version}"); reload them before removing them.`);
    }
    const removed = await deleteAreaMonth(tx, { areaId: area.id, month, expectedVersion: before.version });
    if (!removed) throw stale('Someone else changed these figures at the same moment; reload them before removing them.');
    // The month's assessment goes, and the later months' windows and carried values may change.
    await Promise.all([
      recordAuditEvent(tx, { actor, action: 'figures.deleted', areaSlug: slug, subject: month, before: toAreaMonth(slug, removed), after: null }),
      reassess(tx, [{ areaId: area.id, fromMonth: month }], now),
    ]);
  });
}
