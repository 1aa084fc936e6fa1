import type { NotReportedArea } from '@autonomy/contracts';
import { formatMonthLong } from '../../lib/format.ts';
import { Link, withMonth } from '../../router.tsx';

/** The active areas without figures for the month, each linked to its page (where its figures are entered). */
export function NotReportedList({ areas, month }: { areas: readonly NotReportedArea[]; month: string }) {
  return (
    <div className="not-reported">
      <h3 id="not-reported-heading" className="subheading">
        Not reported
      </h3>
      <p className="muted">Active in {formatMonthLong(month)}, without figures for it yet.</p>
      <ul className="not-reported__list" aria-labelledby="not-reported-heading">
        {areas.map((area) => (
          <li key={area.slug}>
            <Link to={withMonth(`/areas/${encodeURIComponent(area.slug)}`, month)}>{area.name}</Link>
            {area.leadNames.length > 0 && <span className="muted"> — led by {area.leadNames.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
