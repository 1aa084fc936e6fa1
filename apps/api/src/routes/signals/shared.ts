import type { Contribution, Signal } from '@autonomy/contracts';
import type { SignalWithArea } from '@autonomy/db';

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
