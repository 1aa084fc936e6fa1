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
    incidentId: row.incidentId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A history entry: a signal's own, or its incident's. */
export function toSignalEvent(row: Omit<SignalEventRow, 'id' | 'signalId'>): SignalEvent {
  return {
    at: row.at.toISOString(),
    actor: row.actorEmail ? { id: row.actorId, email: row.actorEmail, name: row.actorName ?? row.actorEmail } : null,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    comment: row.comment,
  };
}
