import { useState } from 'react';
import type { Area, User } from '@autonomy/contracts';
import './areas.css';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../router.tsx';
import { canAdministerArea } from '../area-details/area-details-form.ts';
import { useSessionUser } from '../auth/queries.ts';
import { NewAreaForm } from './new-area-form.tsx';
import { useAllAreas } from './queries.ts';

const areaPath = (slug: string) => `/areas/${encodeURIComponent(slug)}`;

/**
 * Every area, with or without figures (the portfolio lists only those with figures for its month),
 * and for admins the form that creates one.
 */
export function AreasPage() {
  useDocumentTitle('Areas');
  const session = useSessionUser();
  const areas = useAllAreas();
  const [created, setCreated] = useState<Area | null>(null);
  const user: User | undefined = session.data;

  return (
    <div className="page stack">
      <div className="page-header">
        <div>
          <h1>Areas</h1>
          <p className="muted">Every area, active and archived, whether or not it has reported figures yet.</p>
        </div>
      </div>

      {created && (
        <div className="notice notice--success" role="status">
          <p>
            <span className="notice__title">{created.name} was created.</span>{' '}
            <Link to={areaPath(created.slug)}>Open {created.name}</Link> to add its first figures.
          </p>
        </div>
      )}

      {user && canAdministerArea(user.role) && (
        <section className="panel">
          <NewAreaForm onCreated={setCreated} />
        </section>
      )}

      <section className="panel" aria-labelledby="all-areas-heading">
        <div className="panel__header">
          <h2 id="all-areas-heading">All areas</h2>
        </div>
        {areas.isPending ? (
          <LoadingState label="Loading the areas…" />
        ) : areas.isError ? (
          <ErrorState error={areas.error} onRetry={() => void areas.refetch()} />
        ) : areas.data.length === 0 ? (
          <EmptyState title="There are no areas yet" />
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Every area, by name, with its leads and status.</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Slug</th>
                  <th scope="col">Leads</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {[...areas.data]
                  .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
                  .map((area) => (
                    <tr key={area.slug}>
                      <th scope="row">
                        <Link to={areaPath(area.slug)}>{area.name}</Link>
                      </th>
                      <td>
                        <code>{area.slug}</code>
                      </td>
                      <td>{area.leadEmails.length > 0 ? area.leadEmails.join(', ') : <span className="muted">None yet</span>}</td>
                      <td>{area.status === 'active' ? 'Active' : 'Archived'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
