import type { Portfolio } from '@autonomy/contracts';
import { driftLevel } from '../../lib/drift.ts';
import { countOf, formatMonthLong } from '../../lib/format.ts';
import { describeCoverage, isIncomplete, noDriftHeadline } from './coverage.ts';

/**
 * The one sentence an executive should take away from the page, before any number. It always says
 * how many of the active areas reported, so a month in progress never reads as all clear.
 */
export function PortfolioHeadline({ portfolio, month }: { portfolio: Portfolio; month: string }) {
  const { areasInDrift, areasWithCompleteWindow } = portfolio.organisation;
  const { coverage } = portfolio;
  const critical = portfolio.areas.filter((row) => driftLevel(row) === 'critical').length;

  if (coverage.reported === 0) {
    return (
      <p className="headline">
        None of the {countOf(coverage.active, 'area')} has reported for {formatMonthLong(month)} yet.
      </p>
    );
  }
  if (areasWithCompleteWindow === 0) {
    return (
      <p className="headline">
        {coverage.reported} of {countOf(coverage.active, 'area')} reported for {formatMonthLong(month)}; none has enough
        history yet to judge drift.
      </p>
    );
  }
  if (areasInDrift === 0) {
    return <p className="headline headline--calm">{noDriftHeadline(month, coverage, areasWithCompleteWindow)}</p>;
  }
  return (
    <p className="headline headline--alert">
      <strong>
        {areasInDrift} of {countOf(areasWithCompleteWindow, 'area')}
      </strong>{' '}
      {areasInDrift === 1 ? 'is' : 'are'} in Chipotle drift in {formatMonthLong(month)}: centralisation rising while
      ownership falls{critical > 0 ? `; ${critical} critical` : ''}
      {isIncomplete(coverage) ? ` (${describeCoverage(coverage)})` : ''}.
    </p>
  );
}
