import { useMemo } from 'react';
import type { Portfolio } from '@autonomy/contracts';
import { DriftMapChart } from '../../components/charts/drift-map-chart.tsx';
import { MonthSelect } from '../../components/ui/month-select.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { countOf, formatDelta, formatMonthLong, formatWindow } from '../../lib/format.ts';
import { Link, navigate, readMonthParam, useLocation, withMonth } from '../../router.tsx';
import { AreasTable } from './areas-table.tsx';
import { driftMapScale, toDriftMapGroups } from './drift-map-data.ts';
import { DriftingAreasList } from './drifting-areas-list.tsx';
import { OrganisationSummary } from './organisation-summary.tsx';
import { PortfolioHeadline } from './portfolio-headline.tsx';
import { MonthReviewNote } from '../reviews/month-review-note.tsx';
import { MonthSignalsPanel } from '../signals/month-signals-panel.tsx';
import { coverageByMonth, monthOptionLabel } from './coverage.ts';
import { NotReportedList } from './not-reported-list.tsx';
import { usePortfolio } from './queries.ts';

/** Picker words: the months in progress and the month shown say how many areas reported. */
function monthLabeller(portfolio: Portfolio): (month: string) => string {
  const known = new Map(coverageByMonth(portfolio.monthCoverage));
  if (portfolio.month) known.set(portfolio.month, portfolio.coverage);
  return (month) => monthOptionLabel(month, known.get(month));
}

export function PortfolioPage() {
  const { searchParams } = useLocation();
  const requestedMonth = readMonthParam(searchParams);
  const portfolio = usePortfolio(requestedMonth);
  useDocumentTitle('Portfolio');

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Portfolio</h1>
          <p className="muted">Ownership, centralisation and drift for every product area.</p>
        </div>
        {portfolio.data && portfolio.data.month && portfolio.data.months.length > 0 && (
          <MonthSelect
            months={portfolio.data.months}
            value={portfolio.data.month}
            onChange={(month) => navigate(withMonth('/', month))}
            labelOf={monthLabeller(portfolio.data)}
          />
        )}
      </div>
      {portfolio.isPending ? (
        <LoadingState label="Loading the portfolio…" />
      ) : portfolio.isError ? (
        <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : (
        <PortfolioContent portfolio={portfolio.data} isUpdating={portfolio.isPlaceholderData} />
      )}
    </div>
  );
}

function PortfolioContent({ portfolio, isUpdating }: { portfolio: Portfolio; isUpdating: boolean }) {
  const month = portfolio.month;
  if (month === null || (portfolio.areas.length === 0 && portfolio.notReported.length === 0)) {
    return (
      <EmptyState title="No figures for this month yet — import a CSV">
        <p>
          Once monthly figures are in, this page shows each area’s ownership, centralisation and drift.{' '}
          <Link to="/import">Import a CSV</Link>
        </p>
      </EmptyState>
    );
  }
  if (portfolio.areas.length === 0) {
    return (
      <div className="stack" aria-busy={isUpdating}>
        <PortfolioHeadline portfolio={portfolio} month={month} />
        <section className="panel" aria-labelledby="not-reported-heading">
          <NotReportedList areas={portfolio.notReported} month={month} />
        </section>
      </div>
    );
  }
  return (
    <div className="stack" aria-busy={isUpdating}>
      <PortfolioHeadline portfolio={portfolio} month={month} />
      <MonthReviewNote month={month} />
      <OrganisationSummary organisation={portfolio.organisation} rules={portfolio.rules} />
      <section className="panel" aria-labelledby="areas-heading">
        <div className="panel__header">
          <h2 id="areas-heading">Areas</h2>
          <p className="muted">
            {portfolio.coverage.reported} of {countOf(portfolio.coverage.active, 'area')} reported for{' '}
            {formatMonthLong(month)}. Drifting areas come first; select a column to sort.
          </p>
        </div>
        <AreasTable rows={portfolio.areas} month={month} rules={portfolio.rules} />
        {portfolio.notReported.length > 0 && <NotReportedList areas={portfolio.notReported} month={month} />}
      </section>
      <MonthSignalsPanel month={month} rules={portfolio.rules} />
      <DriftMapPanel portfolio={portfolio} month={month} />
    </div>
  );
}

function DriftMapPanel({ portfolio, month }: { portfolio: Portfolio; month: string }) {
  const { rules } = portfolio;
  const groups = useMemo(() => toDriftMapGroups(portfolio.areas), [portfolio.areas]);
  const plotted = groups.reduce((sum, group) => sum + group.points.length, 0);
  return (
    <section className="panel" aria-labelledby="drift-map-heading">
      <div className="panel__header">
        <h2 id="drift-map-heading">Drift map</h2>
        <p className="muted">
          Each dot is an area with a complete window: right is ownership gained, up is centralisation gained, over{' '}
          {formatWindow(rules)}. The shaded corner is Chipotle drift: ownership {formatDelta(-rules.ownershipFallThreshold)}{' '}
          or less and centralisation {formatDelta(rules.centralisationRiseThreshold)} or more.
        </p>
      </div>
      <div className="drift-map-layout">
        {plotted === 0 ? (
          <EmptyState title="No area has a complete window yet" />
        ) : (
          <DriftMapChart
            groups={groups}
            scale={driftMapScale(groups, rules)}
            rules={rules}
            description={`Drift map of ${countOf(plotted, 'area')}: ownership change on the horizontal axis, centralisation change on the vertical axis. The areas in drift are listed beside it.`}
          />
        )}
        <div>
          <h3 className="subheading">In drift</h3>
          <DriftingAreasList rows={portfolio.areas} month={month} rules={rules} />
        </div>
      </div>
    </section>
  );
}
