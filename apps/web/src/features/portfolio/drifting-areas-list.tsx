import type { DriftRules, PortfolioRow } from '@autonomy/contracts';
import { DriftBadge } from '../../components/ui/drift-badge.tsx';
import { formatDelta, formatWindow } from '../../lib/format.ts';
import { Link, withMonth } from '../../router.tsx';
import { DEFAULT_AREA_SORT, sortAreas } from './sort-areas.ts';

/** The areas in drift, worst first, with the two changes that put them there. */
export function DriftingAreasList({ rows, month, rules }: {
  rows: readonly PortfolioRow[];
  month: string;
  rules: DriftRules;
}) {
  const drifting = sortAreas(
    rows.filter((row) => row.driftState === 'drift'),
    DEFAULT_AREA_SORT,
  );
  if (drifting.length === 0) {
    return <p className="muted">No area is drifting this month.</p>;
  }
  return (
    <ul className="drifting-list">
      {drifting.map((row) => (
        <li key={row.slug} className="drifting-list__item">
          <div className="drifting-list__title">
            <Link to={withMonth(`/areas/${encodeURIComponent(row.slug)}`, month)}>{row.name}</Link>
            <DriftBadge reading={row} />
          </div>
          <p className="muted small">
            Ownership <span className="tone-bad">{formatDelta(row.ownershipDelta)}</span> · centralisation{' '}
            <span className="tone-bad">{formatDelta(row.centralisationDelta)}</span> points over {formatWindow(rules)}
          </p>
        </li>
      ))}
    </ul>
  );
}
