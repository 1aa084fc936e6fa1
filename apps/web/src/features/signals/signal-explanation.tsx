import type { DriftRules, Signal } from '@autonomy/contracts';
import { centralisationChangeTone, formatDelta, formatWindow, ownershipChangeTone } from '../../lib/format.ts';

/** The two changes behind a finding; a live signal or one frozen in a review pack both carry them. */
export function SignalDeltas({
  signal,
  rules,
}: {
  signal: Pick<Signal, 'ownershipDelta' | 'centralisationDelta'>;
  rules: DriftRules | undefined;
}) {
  if (signal.ownershipDelta === null && signal.centralisationDelta === null) return null;
  return (
    <p className="signal__deltas">
      <abbr title="Change in the ownership index">ΔOI</abbr>{' '}
      <span className={`tone-${ownershipChangeTone(signal.ownershipDelta, rules)}`}>{formatDelta(signal.ownershipDelta)}</span>
      {' · '}
      <abbr title="Change in the centralisation index">ΔCI</abbr>{' '}
      <span className={`tone-${centralisationChangeTone(signal.centralisationDelta, rules)}`}>
        {formatDelta(signal.centralisationDelta)}
      </span>{' '}
      <span className="muted">points over {formatWindow(rules)}</span>
    </p>
  );
}

/** The API's own sentences: which components moved, before → after, and by how many points. */
export function SignalExplanation({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="signal__explanation" aria-label="Why">
      {lines.map((line, index) => (
        <li key={`${index}-${line}`}>{line}</li>
      ))}
    </ul>
  );
}
