import { useEffect, useRef } from 'react';
import type { AreaHistoryPoint, DriftRules } from '@autonomy/contracts';
import { DriftBadge } from '../../components/ui/drift-badge.tsx';
import { formatDelta, formatMonthLong, formatWindow } from '../../lib/format.ts';
import type { SavedFigures } from './figures-editor.tsx';

/**
 * The confirmation after a save, with the month's drift as the API recomputed it: the first thing
 * a lead wants to know after correcting a figure is whether the area is still drifting.
 */
export function FiguresSavedNotice({ saved, reading, rules, onDismiss }: {
  saved: SavedFigures;
  /** The month's reading from the refetched history; undefined until it arrives. */
  reading: AreaHistoryPoint | undefined;
  rules: DriftRules | undefined;
  onDismiss: () => void;
}) {
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    noticeRef.current?.focus({ preventScroll: true });
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  const month = formatMonthLong(saved.month);
  return (
    <div ref={noticeRef} tabIndex={-1} className="notice notice--success figures-saved" role="status" data-month={saved.month}>
      <p>
        <span className="notice__title">Saved.</span> {saved.created ? 'Added the figures' : 'Updated the figures'} for {month};
        the area’s indices and signals were recomputed.
      </p>
      {reading ? (
        <p className="figures-saved__drift">
          Drift for {month}, recomputed: <DriftBadge reading={reading} />{' '}
          {reading.driftState === 'insufficient_data'
            ? `not enough months of figures to compare over ${formatWindow(rules)}.`
            : `ownership ${formatDelta(reading.ownershipDelta)} and centralisation ${formatDelta(reading.centralisationDelta)} points over ${formatWindow(rules)}.`}
        </p>
      ) : (
        <p>The recomputed drift state is loading…</p>
      )}
      <button type="button" className="button button--small figures-saved__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
