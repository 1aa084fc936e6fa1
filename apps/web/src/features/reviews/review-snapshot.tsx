import type { ReviewSnapshot } from '@autonomy/contracts';
import { EmptyState } from '../../components/ui/query-states.tsx';
import { countOf, formatMonthLong } from '../../lib/format.ts';
import { AreasTable } from '../portfolio/areas-table.tsx';
import { describeCoverage, notReportedSentence } from '../portfolio/coverage.ts';
import { OrganisationSummary } from '../portfolio/organisation-summary.tsx';
import { SignalListItem } from '../signals/month-signals-panel.tsx';
import { describeKindCounts } from '../signals/signal-labels.ts';
import { countByKind } from '../signals/signal-order.ts';

/**
 * The portfolio as it stood when the review started, drawn with the portfolio page's own summary
 * and table, so a pack reads like the dashboard did that day.
 */
export function FrozenPortfolio({ snapshot }: { snapshot: ReviewSnapshot }) {
  const month = formatMonthLong(snapshot.month);
  return (
    <>
      <section className="review-section" aria-labelledby="frozen-summary-heading">
        <h2 id="frozen-summary-heading" className="review-section__title">
          The organisation in {month}
        </h2>
        <OrganisationSummary organisation={snapshot.organisation} rules={snapshot.rules} />
      </section>
      <section className="panel" aria-labelledby="frozen-areas-heading">
        <div className="panel__header">
          <h2 id="frozen-areas-heading">Areas</h2>
          <p className="muted">
            {snapshot.coverage
              ? `${snapshot.coverage.reported} of ${countOf(snapshot.coverage.active, 'area')} reported for ${month}`
              : `${countOf(snapshot.areas.length, 'area')} with figures for ${month}`}
            , as they stood then. Drifting areas come first
            <span className="no-print">; select a column to sort</span>.
          </p>
        </div>
        {snapshot.areas.length === 0 ? (
          <EmptyState title="No area had figures for this month" />
        ) : (
          <AreasTable rows={snapshot.areas} month={snapshot.month} rules={snapshot.rules} />
        )}
        <FrozenNotReported snapshot={snapshot} />
      </section>
    </>
  );
}

/**
 * The active areas that had not reported when the review started ("Not reported: Billing, Search").
 * Packs frozen before coverage was recorded do not know them, and say nothing.
 */
function FrozenNotReported({ snapshot }: { snapshot: ReviewSnapshot }) {
  const sentence = notReportedSentence((snapshot.notReported ?? []).map((area) => area.name));
  if (!snapshot.coverage || !sentence) return null;
  return (
    <p className="not-reported" data-testid="frozen-not-reported">
      <strong>{sentence}</strong> ({describeCoverage(snapshot.coverage)})
    </p>
  );
}

/** The findings the meeting discussed, each with its reasons and the status it had then. */
export function FrozenSignals({ snapshot }: { snapshot: ReviewSnapshot }) {
  const counts = countByKind(snapshot.signals);
  return (
    <section className="panel" aria-labelledby="frozen-signals-heading">
      <div className="panel__header">
        <h2 id="frozen-signals-heading">Signals discussed</h2>
        <p className="muted">
          The findings for {formatMonthLong(snapshot.month)} when the review started, Chipotle drift first, each with the
          status it had then.
          {snapshot.signals.length > 0 && <> {describeKindCounts(counts)}.</>}
        </p>
      </div>
      {snapshot.signals.length === 0 ? (
        <EmptyState title="There were no findings for this month" />
      ) : (
        <ul className="signal-list">
          {snapshot.signals.map((signal) => (
            <SignalListItem key={signal.id} signal={signal} rules={snapshot.rules} />
          ))}
        </ul>
      )}
    </section>
  );
}
