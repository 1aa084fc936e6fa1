import type { TargetChange } from '@autonomy/contracts';
import type { PreviousTarget, TargetChangeRow } from '@autonomy/db';

export function toTargetChange(row: TargetChangeRow): TargetChange {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, name: row.actorName },
    from: row.fromMonth,
    to: row.toMonth,
    revenueTarget: row.revenueTarget,
    reason: row.reason,
    source: row.source,
    // jsonb keeps numbers as written; numeric columns copied into it by SQL arrive as numbers too.
    previous: (row.previous as PreviousTarget[]).map(({ month, revenueTarget }) => ({ month, revenueTarget: Number(revenueTarget) })),
  };
}
