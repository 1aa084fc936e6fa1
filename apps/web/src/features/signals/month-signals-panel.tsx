import { useMemo } from 'react';
import type { DriftRules, ReviewSignal } from '@autonomy/contracts';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { formatMonthLong } from '../../lib/format.ts';
import { Link, withMonth } from '../../router.tsx';
import { KindTag, SeverityBadge, StatusBadge } from './signal-badges.tsx';
import { SignalDeltas, SignalExplanation } from './signal-explanation.tsx';
import { describeKindCounts } from './signal-labels.ts';
import { countByKind, sortSignalsForReview } from './signal-order.ts';
import { useSignals } from './queries.ts';

/** The findings of one month, in the order the monthly review walks them, each with its reasons. */
export function MonthSignalsPanel({ month, rules }: { month: string; rules: DriftRules }) {
  const signals = useSignals({ month });
  const ordered = useMemo(() => (signals.data ? sortSignalsForReview(signals.data) : []), [signals.data]);

  return (
    <section className="panel" aria-labelledby="signals-heading">
      <div className="panel__header">
        <h2 id="signals-heading">Signals this month</h2>
        <p className="muted">
          Findings for {formatMonthLong(month)}: Chipotle drift first, then ownership erosion and revenue misses; the
          most severe first within each.
          {ordered.length > 0 && <> {describeKindCounts(countByKind(ordered))}.</>}
        </p>
      </div>
      {signals.isPending ? (
        <LoadingState label="Loading the month’s signals…" />
      ) : signals.isError ? (
        <ErrorState error={signals.error} onRetry={() => void signals.refetch()} />
      ) : ordered.length === 0 ? (
        <EmptyState title="No signals for this month" />
      ) : (
        <ul className="signal-list">
          {ordered.map((signal) => (
            <SignalListItem key={signal.id} signal={signal} rules={rules} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One finding with its reasons; a review pack lists its frozen findings the same way. */
export function SignalListItem({ signal, rules }: { signal: ReviewSignal; rules: DriftRules }) {
  return (
    <li className={`signal signal--${signal.kind}`} data-signal-kind={signal.kind} data-signal-status={signal.status}>
      <div className="signal__header">
        <KindTag kind={signal.kind} />
        <Link className="signal__area" to={withMonth(`/areas/${encodeURIComponent(signal.areaSlug)}`, signal.month)}>
          {signal.areaName}
        </Link>
        <span className="signal__badges">
          <SeverityBadge severity={signal.severity} />
          <StatusBadge status={signal.status} />
        </span>
      </div>
      <SignalDeltas signal={signal} rules={rules} />
      <SignalExplanation lines={signal.explanation} />
      {signal.statusReason && <p className="muted small">Reason: {signal.statusReason}</p>}
    </li>
  );
}
