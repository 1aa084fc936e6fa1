import type { Portfolio } from '@autonomy/contracts';
import { driftLevel } from '../../lib/drift.ts';
import { countOf, formatMonthLong } from '../../lib/format.ts';

/** The one sentence an executive should take away from the page, before any number. */
export function PortfolioHeadline({ portfolio, month }: { portfolio: Portfolio; month: string }) {
  const { areasInDrift, areasWithCompleteWindow, areasWithFigures } = portfolio.organisation;
  const critical = portfolio.areas.filter((row) => driftLevel(row) === 'critical').length;

  if (areasWithCompleteWindow === 0) {
    return (
      <p className="headline">
        {countOf(areasWithFigures, 'area')} reported for {formatMonthLong(month)}; none has enough history yet to
        judge drift.
      </p>
    );
  }
  if (areasInDrift === 0) {
    return (
      <p className="headline headline--calm">
        No area is in Chipotle drift in {formatMonthLong(month)} ({countOf(areasWithCompleteWindow, 'area')} with a
        complete window).
      </p>
    );
  }
  return (
    <p className="headline headline--alert">
      <strong>
        {areasInDrift} of {countOf(areasWithCompleteWindow, 'area')}
      </strong>{' '}
      {areasInDrift === 1 ? 'is' : 'are'} in Chipotle drift in {formatMonthLong(month)}: centralisation rising while
      ownership falls{critical > 0 ? `; ${critical} critical` : ''}.
    </p>
  );
}
