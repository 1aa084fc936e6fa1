import { useMemo, useState } from 'react';
import type { DriftRules, PortfolioRow } from '@autonomy/contracts';
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
import { Link, withMonth } from '../../router.tsx';
import { DEFAULT_AREA_SORT, nextAreaSort, sortAreas, type AreaSort, type AreaSortKey } from './sort-areas.ts';

interface Column {
  key: AreaSortKey;
  label: string;
  /** What the column means, for the header's tooltip and screen readers. */
  title: string;
  numeric: boolean;
}

function columnsFor(rules: DriftRules): readonly Column[] {
  const window = formatWindow(rules);
  return [
    { key: 'name', label: 'Area', title: 'Product area', numeric: false },
    { key: 'ownershipIndex', label: 'Ownership', title: 'Ownership index, 0–100', numeric: true },
    { key: 'centralisationIndex', label: 'Centralisation', title: 'Centralisation index, 0–100', numeric: true },
    { key: 'revenueAttainment', label: 'Revenue vs target', title: 'Revenue actual as a share of target', numeric: true },
    { key: 'drift', label: 'Drift', title: 'Chipotle drift state', numeric: false },
    { key: 'ownershipDelta', label: 'ΔOI', title: `Change in ownership index over ${window}`, numeric: true },
    { key: 'centralisationDelta', label: 'ΔCI', title: `Change in centralisation index over ${window}`, numeric: true },
  ];
}

export function AreasTable({ rows, month, rules }: { rows: readonly PortfolioRow[]; month: string; rules: DriftRules }) {
  const [sort, setSort] = useState<AreaSort>(DEFAULT_AREA_SORT);
  const sortedRows = useMemo(() => sortAreas(rows, sort), [rows, sort]);
  const columns = useMemo(() => columnsFor(rules), [rules]);
  const sortedBy = columns.find((column) => column.key === sort.key)?.title.toLowerCase() ?? sort.key;

  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">
          Areas with figures for {formatMonthLong(month)}, sorted by {sortedBy}, {sort.direction}.
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <SortableHeader
                key={column.key}
                column={column}
                sort={sort}
                onSort={() => setSort((current) => nextAreaSort(current, column.key))}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sortedRows.map((row) => (
            <AreaRow key={row.slug} row={row} month={month} rules={rules} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortableHeader({ column, sort, onSort }: { column: Column; sort: AreaSort; onSort: () => void }) {
  const active = sort.key === column.key;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'} className={column.numeric ? 'numeric' : undefined}>
      <button type="button" className="sort-button" onClick={onSort} title={column.title}>
        {column.label}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function AreaRow({ row, month, rules }: { row: PortfolioRow; month: string; rules: DriftRules }) {
  return (
    <tr data-drift-state={row.driftState}>
      <th scope="row">
        <Link to={withMonth(`/areas/${encodeURIComponent(row.slug)}`, month)}>{row.name}</Link>
      </th>
      <td className="numeric">{formatIndex(row.ownershipIndex)}</td>
      <td className="numeric">{formatIndex(row.centralisationIndex)}</td>
      <td className={`numeric tone-${attainmentTone(row.revenueAttainment)}`}>{formatPercent(row.revenueAttainment)}</td>
      <td>
        <DriftBadge reading={row} />
      </td>
      <td className={`numeric tone-${ownershipChangeTone(row.ownershipDelta, rules)}`}>{formatDelta(row.ownershipDelta)}</td>
      <td className={`numeric tone-${centralisationChangeTone(row.centralisationDelta, rules)}`}>
        {formatDelta(row.centralisationDelta)}
      </td>
    </tr>
  );
}
