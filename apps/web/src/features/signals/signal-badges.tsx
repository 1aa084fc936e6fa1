import type { FindingKind, Severity, SignalStatus } from '@autonomy/contracts';
import { kindDescription, kindLabel, severityLabel, statusLabel } from './signal-labels.ts';

/** The kind as a tag; Chipotle drift is filled, the lesser findings outlined. */
export function KindTag({ kind }: { kind: FindingKind }) {
  return (
    <span className={`kind-tag kind-tag--${kind}`} title={kindDescription(kind)}>
      {kindLabel(kind)}
    </span>
  );
}

/** Severity as text plus colour, like the drift badges. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge badge--${severity}`} data-severity={severity}>
      {severityLabel(severity)}
    </span>
  );
}

/** Where the signal stands in its lifecycle; quieter than severity, which is the alarm. */
export function StatusBadge({ status }: { status: SignalStatus }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
