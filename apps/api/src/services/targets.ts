import type { TargetChangeResult } from '@autonomy/contracts';
import { type AuditActor, changeTargets, type Database, recordAuditEvent } from '@autonomy/db';
import { requireArea } from './areas.ts';
import { holdSettingsSteady, reassess } from './assessments.ts';
import { toTargetChange } from './target-change-response.ts';

/**
 * Sets the revenue target of the months `from`..`to` with a reason: months with figures take it
 * now, later ones keep it as their plan. Audited, and the area reassessed from `from` on (a new
 * target can raise or clear a revenue miss).
 */
export async function setAreaTargets(
  db: Database,
  request: { slug: string; from: string; to: string; revenueTarget: number; reason: string; actor: AuditActor; now: Date },
): Promise<TargetChangeResult> {
  const { slug, from, to, revenueTarget, reason, actor, now } = request;
  return db.transaction(async (tx) => {
    await holdSettingsSteady(tx);
    const area = await requireArea(tx, slug);
    const result = await changeTargets(tx, { areaId: area.id, from, to, revenueTarget, reason, actor });
    const change = toTargetChange(result.change);
    await recordAuditEvent(tx, {
      actor,
      action: 'targets.changed',
      areaSlug: slug,
      subject: from === to ? from : `${from}..${to}`,
      before: { previous: change.previous },
      after: { from, to, revenueTarget, reason },
    });
    await reassess(tx, [{ areaId: area.id, fromMonth: from }], now);
    return { change, months: result.months };
  });
}
