import type { DriftRules } from '@autonomy/contracts';
import './area-figures.css';
import { DriftBadge } from '../../components/ui/drift-badge.tsx';
import {
  attainmentTone,
  centralisationChangeTone,
  formatDelta,
  formatIndex,
  formatMonthLong,
  formatPercent,
  formatWindow,
  ownershipChangeTone,
} from '../../lib/format.ts';
import type { HistoryMonth } from './history-series.ts';

/**
 * Every month, newest first, including the holes, so "no figures" is stated rather than hidden.
 * `onAddFigures` is given to those who may fill a hole in (the area's leads and admins).
 */
export function AreaMonthsTable({ months, focusMonth, rules, onAddFigures }: {
  months: readonly HistoryMonth[];
  focusMonth: string | null;
  rules: DriftRules | undefined;
  onAddFigures?: ((month: string) => void) | undefined;
}) {
  const newestFirst = [...months].reverse();
  const window = formatWindow(rules);
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Indices and drift state by month, newest first.</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="numeric">Ownership</th>
            <th scope="col" className="numeric">Centralisation</th>
            <th scope="col" className="numeric" title={`Change in ownership index over ${window}`}>ΔOI</th>
            <th scope="col" className="numeric" title={`Change in centralisation index over ${window}`}>ΔCI</th>
            <th scope="col" className="numeric">Revenue vs target</th>
            <th scope="col">Drift</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map(({ month, reading }) => (
            <tr key={month} aria-current={month === focusMonth ? 'date' : undefined} className={month === focusMonth ? 'is-focused' : undefined}>
              <th scope="row">{formatMonthLong(month)}</th>
              {reading ? (
                <>
                  <td className="numeric">{formatIndex(reading.ownershipIndex)}</td>
                  <td className="numeric">{formatIndex(reading.centralisationIndex)}</td>
                  <td className={`numeric tone-${ownershipChangeTone(reading.ownershipDelta, rules)}`}>
                    {formatDelta(reading.ownershipDelta)}
                  </td>
                  <td className={`numeric tone-${centralisationChangeTone(reading.centralisationDelta, rules)}`}>
                    {formatDelta(reading.centralisationDelta)}
                  </td>
                  <td className={`numeric tone-${attainmentTone(reading.revenueAttainment)}`}>
                    {formatPercent(reading.revenueAttainment)}
                  </td>
                  <td>
                    <DriftBadge reading={reading} />
                  </td>
                </>
              ) : (
                <td colSpan={6} className="muted">
                  <span className="months-table__missing">
                    No figures for this month
                    {onAddFigures && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Add figures for ${formatMonthLong(month)}`}
                        onClick={() => onAddFigures(month)}
                      >
                        Add figures
                      </button>
                    )}
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
