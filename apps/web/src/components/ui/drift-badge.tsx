import { driftLevel, driftLevelLabel, type DriftReading } from '../../lib/drift.ts';

/** Drift state as text plus colour, never colour alone. */
export function DriftBadge({ reading }: { reading: DriftReading }) {
  const level = driftLevel(reading);
  return (
    <span className={`badge badge--${level}`} data-drift-level={level}>
      {driftLevelLabel(level)}
    </span>
  );
}
