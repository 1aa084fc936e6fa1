import { useEffect, useMemo, useState } from 'react';
import { monthSchema, type Area, type AreaHistory, type AreaHistoryPoint, type DriftRules, type User } from '@autonomy/contracts';
import { AttainmentChart } from '../../components/charts/attainment-chart.tsx';
import { IndexTrendChart } from '../../components/charts/index-trend-chart.tsx';
import { DriftBadge } from '../../components/ui/drift-badge.tsx';
import { MonthSelect } from '../../components/ui/month-select.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { StatCard } from '../../components/ui/stat-card.tsx';
import {
  attainmentTone,
  centralisationChangeTone,
  formatDelta,
  formatIndex,
  formatMonthLong,
  formatMonthShort,
  formatPercent,
  formatWindow,
  ownershipChangeTone,
} from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link, navigate, readMonthParam, useLocation, withMonth } from '../../router.tsx';
import { AreaDetailsEditor } from '../area-details/area-details-editor.tsx';
import { canAdministerArea, canEditAreaDetails, describeLeads } from '../area-details/area-details-form.ts';
import { AreaDetailsSavedNotice } from '../area-details/area-details-saved-notice.tsx';
import { AreaChangesPanel } from '../audit/area-changes-panel.tsx';
import { canActOnSignals, canEditAreaFigures } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { FiguresEditor, type FiguresEditTarget, type SavedFigures } from '../figures/figures-editor.tsx';
import { RemoveFigures } from '../figures/remove-figures.tsx';
import { monthOf, monthToAdd, previousMonthWithFigures } from '../figures/figures-form.ts';
import { FiguresSavedNotice } from '../figures/figures-saved-notice.tsx';
import { useDriftRules } from '../settings/queries.ts';
import { AreaSignalsPanel } from '../signals/area-signals-panel.tsx';
import { canSetAreaTargets } from '../targets/target-form.ts';
import { TargetsPanel } from '../targets/targets-panel.tsx';
import { AreaMonthsTable } from './area-months-table.tsx';
import { FirstFiguresPrompt } from './first-figures-prompt.tsx';
import { attainmentScale, fillMonthGaps, pickFocusMonth, toAttainmentSeries, toIndexSeries, withMonthsThrough } from './history-series.ts';
import { MonthFigures } from './month-figures.tsx';
import { useArea, useAreaHistory, useAreaMonthFigures } from './queries.ts';

export function AreaPage({ slug }: { slug: string }) {
  const { searchParams } = useLocation();
  const requestedMonth = readMonthParam(searchParams);
  // `?fill=YYYY-MM` opens the form for a month without figures (the links on My areas).
  const fillParam = monthSchema.safeParse(searchParams.get('fill'));
  const fillMonth = fillParam.success ? fillParam.data : undefined;
  const history = useAreaHistory(slug);
  const area = useArea(slug);
  // The history carries no rules of its own; the organisation's settings have them.
  const rules = useDriftRules();
  const session = useSessionUser();
  const canAct = session.data ? canActOnSignals(session.data.role) : false;
  useDocumentTitle(history.data?.name ?? 'Area');

  return (
    <div className="page">
      <Link className="back-link" to={withMonth('/', requestedMonth)}>
        ← Portfolio
      </Link>
      {history.isPending ? (
        <LoadingState label="Loading the area’s history…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()}>
          <Link to={withMonth('/', requestedMonth)}>Back to the portfolio</Link>
        </ErrorState>
      ) : (
        <AreaContent
          history={history.data}
          area={area.data}
          requestedMonth={requestedMonth}
          fillMonth={fillMonth}
          rules={rules}
          canAct={canAct}
          user={session.data}
        />
      )}
    </div>
  );
}

function AreaContent({ history, area, requestedMonth, fillMonth, rules, canAct, user }: {
  history: AreaHistory;
  area: Area | undefined;
  requestedMonth: string | undefined;
  fillMonth: string | undefined;
  rules: DriftRules | undefined;
  canAct: boolean;
  user: User | undefined;
}) {
  const months = useMemo(() => fillMonthGaps(history.months), [history.months]);
  const indexSeries = useMemo(() => toIndexSeries(months), [months]);
  const attainmentSeries = useMemo(() => toAttainmentSeries(months), [months]);
  const focusMonth = pickFocusMonth(history.months, requestedMonth ?? null);
  const focusReading = history.months.find((point) => point.month === focusMonth) ?? null;
  const monthsNewestFirst = useMemo(() => history.months.map((point) => point.month).sort().reverse(), [history.months]);
  const driftMonths = indexSeries.filter((point) => point.driftSeverity !== null).length;
  const canEditFigures = user ? canEditAreaFigures(user, history.slug) : false;
  const latestMonth = monthsNewestFirst[0] ?? null;
  const addableMonth = canEditFigures ? monthToAdd(latestMonth, new Date()) : null;
  const [editing, setEditing] = useState<FiguresEditTarget | null>(null);
  const [saved, setSaved] = useState<SavedFigures | null>(null);
  const [removedMonth, setRemovedMonth] = useState<string | null>(null);
  const canEditDetails = user ? canEditAreaDetails(user, history.slug) : false;
  const [editingDetails, setEditingDetails] = useState(false);
  const [detailsSaved, setDetailsSaved] = useState(false);
  const areaPath = `/areas/${encodeURIComponent(history.slug)}`;
  // Its leads see the months since the latest with figures too, each with a way to fill it in.
  const tableMonths = useMemo(
    () => (canEditFigures ? withMonthsThrough(months, monthOf(new Date())) : months),
    [months, canEditFigures],
  );

  function startEditing(target: FiguresEditTarget) {
    setSaved(null);
    setRemovedMonth(null);
    setEditing(target);
  }

  /** The form for a month without figures, its stocks from the nearest earlier month that has some. */
  function startAdding(month: string) {
    startEditing({ mode: 'create', month, prefillMonth: previousMonthWithFigures(monthsNewestFirst, month) });
  }

  // Opened from a link to fill a month in; a month that has figures by now is simply shown.
  useEffect(() => {
    if (!fillMonth || !canEditFigures) return;
    if (monthsNewestFirst.includes(fillMonth)) navigate(withMonth(areaPath, fillMonth), { replace: true });
    else startAdding(fillMonth);
    // Only a new `fill` asks again; the history refetching after a save must not reopen the form.
  }, [fillMonth, canEditFigures]);

  function stopEditing() {
    setEditing(null);
    // Leave the link's `fill` behind, so a reload does not open the form again.
    if (fillMonth) navigate(withMonth(areaPath, requestedMonth), { replace: true });
  }

  function handleRemoved(month: string) {
    setSaved(null);
    setRemovedMonth(month);
    // The month is gone: show the latest month that still has figures (the history refetches after).
    const remaining = monthsNewestFirst.find((candidate) => candidate !== month);
    navigate(remaining ? withMonth(areaPath, remaining) : areaPath, { replace: true });
  }

  function handleSaved(result: SavedFigures) {
    setEditing(null);
    setSaved(result);
    // A new month becomes the month the page shows, so its figures and drift are what the reader sees.
    // The link's `fill` goes too, or a reload would offer to add the month just saved.
    if (result.month !== focusMonth || fillMonth) navigate(withMonth(areaPath, result.month), { replace: true });
  }

  const figuresEditor = editing && (
    <FiguresEditor key={`${editing.mode}-${editing.month}`} slug={history.slug} target={editing} onCancel={stopEditing} onSaved={handleSaved} />
  );

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{history.name}</h1>
          <AreaDetails area={area} />
          {canEditDetails && area && !editingDetails && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setDetailsSaved(false);
                setEditingDetails(true);
              }}
            >
              Edit area
            </button>
          )}
        </div>
        {focusMonth && monthsNewestFirst.length > 0 && (
          <MonthSelect
            months={monthsNewestFirst}
            value={focusMonth}
            onChange={(month) => {
              // The form and its confirmation are about one month; another month closes them.
              setEditing(null);
              setSaved(null);
              navigate(withMonth(areaPath, month), { replace: true });
            }}
          />
        )}
      </div>

      {detailsSaved && <AreaDetailsSavedNotice onDismiss={() => setDetailsSaved(false)} />}
      {editingDetails && user && (
        <AreaDetailsEditor
          slug={history.slug}
          canAdminister={canAdministerArea(user.role)}
          onCancel={() => setEditingDetails(false)}
          onSaved={() => {
            setEditingDetails(false);
            setDetailsSaved(true);
          }}
        />
      )}

      {focusReading === null || focusMonth === null ? (
        <>
          {canEditFigures ? (
            editing === null && <FirstFiguresPrompt areaName={history.name} onStart={startAdding} />
          ) : (
            <EmptyState title="No figures for this area yet">
              <p className="muted">Its leads add them here, month by month, or by importing a CSV.</p>
            </EmptyState>
          )}
          {figuresEditor}
        </>
      ) : (
        <>
          <FocusMonthSummary reading={focusReading} rules={rules} />

          <AreaSignalsPanel slug={history.slug} focusMonth={focusMonth} rules={rules} canAct={canAct} />

          <section className="panel" aria-labelledby="trend-heading">
            <div className="panel__header">
              <h2 id="trend-heading">Ownership and centralisation</h2>
              <p className="muted">
                Index 0–100 by month. {driftMonths > 0 ? `Ringed markers: ${driftMonths} month${driftMonths === 1 ? '' : 's'} in drift.` : 'No month in drift.'}{' '}
                Gaps are months without figures.
              </p>
            </div>
            <IndexTrendChart
              points={indexSeries}
              highlightMonth={focusMonth}
              description={`Line chart of ${history.name}'s ownership and centralisation indices from ${formatMonthShort(months[0]?.month ?? focusMonth)} to ${formatMonthShort(months.at(-1)?.month ?? focusMonth)}. The table below lists the same figures.`}
            />
          </section>

          <div className="two-columns">
            <section className="panel" aria-labelledby="attainment-heading">
              <div className="panel__header">
                <h2 id="attainment-heading">Revenue attainment</h2>
                <p className="muted">Revenue actual as a share of the month’s target.</p>
              </div>
              <AttainmentChart
                points={attainmentSeries}
                scale={attainmentScale(attainmentSeries)}
                description={`Bar chart of ${history.name}'s monthly revenue attainment against a 100% target. The table below lists the same figures.`}
              />
            </section>
            <section className="panel" aria-labelledby="figures-heading">
              <div className="panel__header panel__header--with-actions">
                <div>
                  <h2 id="figures-heading">Figures for {formatMonthLong(focusMonth)}</h2>
                  <p className="muted">The inputs behind the indices.</p>
                </div>
                {canEditFigures && editing === null && (
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => startEditing({ mode: 'edit', month: focusMonth })}
                    >
                      Edit figures
                    </button>
                    {addableMonth && latestMonth && (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => startEditing({ mode: 'create', month: addableMonth, prefillMonth: latestMonth })}
                      >
                        Add figures for {formatMonthLong(addableMonth)}
                      </button>
                    )}
                  </div>
                )}
              </div>
              {saved?.month === focusMonth && (
                <FiguresSavedNotice
                  saved={saved}
                  reading={history.months.find((point) => point.month === saved.month)}
                  rules={rules}
                  onDismiss={() => setSaved(null)}
                />
              )}
              {removedMonth && (
                <p className="notice notice--success figures-removed" role="status">
                  The figures for {formatMonthLong(removedMonth)} were removed.
                </p>
              )}
              <FocusMonthFigures
                slug={history.slug}
                month={focusMonth}
                onRemoved={canEditFigures && editing === null ? handleRemoved : undefined}
              />
            </section>
          </div>

          {figuresEditor}

          <section className="panel" aria-labelledby="months-heading">
            <div className="panel__header">
              <h2 id="months-heading">Month by month</h2>
            </div>
            <AreaMonthsTable
              months={tableMonths}
              focusMonth={focusMonth}
              rules={rules}
              onAddFigures={canEditFigures && editing === null ? startAdding : undefined}
            />
          </section>
        </>
      )}

      <TargetsPanel
        slug={history.slug}
        canEdit={user ? canSetAreaTargets(user, history.slug) : false}
        latestMonthWithFigures={latestMonth}
      />

      <AreaChangesPanel slug={history.slug} />
    </div>
  );
}

function AreaDetails({ area }: { area: Area | undefined }) {
  if (!area) return null;
  return (
    <div className="area-details">
      {area.description && <p className="muted">{area.description}</p>}
      <p className="muted small area-details__leads">
        {describeLeads(area.leadEmails)}
        {area.status === 'archived' && <span className="badge badge--insufficient_data">Archived</span>}
      </p>
    </div>
  );
}

function FocusMonthSummary({ reading, rules }: { reading: AreaHistoryPoint; rules: DriftRules | undefined }) {
  return (
    <dl className="stat-cards" aria-label={`Summary for ${formatMonthLong(reading.month)}`}>
      <StatCard label="Drift" value={<DriftBadge reading={reading} />} />
      <StatCard label="Ownership index" value={formatIndex(reading.ownershipIndex)} />
      <StatCard label="Centralisation index" value={formatIndex(reading.centralisationIndex)} />
      <StatCard
        label="Ownership change"
        value={formatDelta(reading.ownershipDelta)}
        tone={ownershipChangeTone(reading.ownershipDelta, rules)}
        detail={`Over ${formatWindow(rules)}`}
      />
      <StatCard
        label="Centralisation change"
        value={formatDelta(reading.centralisationDelta)}
        tone={centralisationChangeTone(reading.centralisationDelta, rules)}
        detail={`Over ${formatWindow(rules)}`}
      />
      <StatCard
        label="Revenue vs target"
        value={formatPercent(reading.revenueAttainment)}
        tone={attainmentTone(reading.revenueAttainment)}
      />
    </dl>
  );
}

/** `onRemoved` is given to those who may remove the month's figures (its leads and admins). */
function FocusMonthFigures({ slug, month, onRemoved }: { slug: string; month: string; onRemoved?: (month: string) => void }) {
  const figures = useAreaMonthFigures(slug, month);
  if (figures.isPending) return <LoadingState label="Loading the month’s figures…" />;
  if (figures.isError) return <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />;
  if (figures.data === null) return <EmptyState title="No figures for this month" />;
  return (
    <>
      <MonthFigures figures={figures.data} />
      {onRemoved && <RemoveFigures key={figures.data.month} slug={slug} figures={figures.data} onRemoved={onRemoved} />}
    </>
  );
}
