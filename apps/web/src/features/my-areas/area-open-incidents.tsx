import { countOf, formatMonthShort } from '../../lib/format.ts';
import { Link } from '../../router.tsx';
import { useIncidents } from '../signals/incident-queries.ts';
import { KindTag, SeverityBadge, StatusBadge } from '../signals/signal-badges.tsx';

/**
 * The area's running incidents (open, acknowledged or dismissed), on its card on My areas. One
 * request serves every card: the incidents of the lead's areas, narrowed here to this one.
 */
export function AreaOpenIncidents({ slug }: { slug: string }) {
  const incidents = useIncidents({ status: 'unresolved', lead: 'me' });
  if (incidents.isPending) return <p className="muted small">Loading its signals…</p>;
  if (incidents.isError) return <p className="muted small">Its signals could not be loaded.</p>;
  const running = incidents.data.filter((incident) => incident.areaSlug === slug);
  if (running.length === 0) return <p className="muted small">No signal is running.</p>;
  return (
    <div className="my-area__incidents">
      <p className="my-area__missing-title">{countOf(running.length, 'running signal')}:</p>
      <ul className="my-area__missing">
        {running.map((incident) => (
          <li key={incident.id} data-incident-id={incident.id}>
            <span>
              <KindTag kind={incident.kind} /> <SeverityBadge severity={incident.currentSeverity} /> since {formatMonthShort(incident.firstMonth)}{' '}
              <StatusBadge status={incident.status} />
            </span>
          </li>
        ))}
      </ul>
      <Link to={`/signals?${new URLSearchParams({ status: 'unresolved', area: slug }).toString()}`}>See them, and add context</Link>
    </div>
  );
}
