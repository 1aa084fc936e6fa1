import type { Contribution, Signal, SignalEvent } from '@autonomy/contracts';
import type { SignalEventRow, SignalWithArea } from '@autonomy/db';

export function toSignal(row: SignalWithArea): Signal {
  return {
    id: row.id,
    kind: row.kind,
    areaSlug: row.areaSlug,
    areaName: row.areaName,
    month: row.month,
    severity: row.severity,
    ownershipDelta: row.ownershipDelta,
    centralisationDelta: row.centralisationDelta,
    explanation: row.explanation,
    contributions: row.contributions as Contribution[],
    status: row.status,
    statusReason: row.statusReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSignalEvent(row: SignalEventRow): SignalEvent {
  return {
    at: row.at.toISOString(),
    actor: row.actorEmail ? { id: row.actorId, email: row.actorEmail, name: row.actorName ?? row.actorEmail } : null,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    comment: row.comment,
  };
}
