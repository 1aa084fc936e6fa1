import { Fragment, useState } from 'react';
import type { UserAccount } from '@autonomy/contracts';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { formatRole, NO_VALUE } from '../../lib/format.ts';
import { Link } from '../../router.tsx';
import { NewUserForm } from './new-user-form.tsx';
import { useUserAccounts } from './queries.ts';
import { UserEditor } from './user-editor.tsx';
import { describeStatus } from './user-form.ts';

/** Admins only: every account, adding one, and changing one in place. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const users = useUserAccounts();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<UserAccount | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="users-heading">
      <div className="panel__header panel__header--with-actions">
        <div>
          <h2 id="users-heading">Users</h2>
          <p className="muted">
            Who can sign in, with which role. Area leads are named on each area’s page. Every change is kept in the audit
            log.
          </p>
        </div>
        {!adding && (
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setAdded(null);
                setAdding(true);
              }}
            >
              Add a user
            </button>
          </div>
        )}
      </div>
      <div className="stack">
        {added && (
          <p className="notice notice--success" role="status">
            Added {added.name} ({added.email}) as {formatRole(added.role).toLowerCase()}. They can sign in now with the password you
            set.
          </p>
        )}
        {adding && (
          <NewUserForm
            onCancel={() => setAdding(false)}
            onCreated={(user) => {
              setAdding(false);
              setAdded(user);
            }}
          />
        )}
        {users.isPending ? (
          <LoadingState label="Loading the users…" />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.length === 0 ? (
          // Not reachable while an admin is signed in, but an empty table would read as a failure.
          <EmptyState title="There are no users yet" />
        ) : (
          <UsersTable
            users={users.data}
            currentUserId={currentUserId}
            editingId={editingId}
            onEdit={(id) => {
              setAdded(null);
              setEditingId(id);
            }}
          />
        )}
      </div>
    </section>
  );
}

const COLUMNS = 5;

function UsersTable({ users, currentUserId, editingId, onEdit }: {
  users: UserAccount[];
  currentUserId: string;
  editingId: string | null;
  onEdit: (id: string | null) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table users-table">
        <caption className="visually-hidden">Users in email order, with their role, status and the areas they lead</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Leads</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <Fragment key={user.id}>
              <tr data-user-email={user.email} data-active={user.active} className={user.active ? undefined : 'is-inactive'}>
                <th scope="row">
                  {user.name}
                  {user.id === currentUserId && <span className="muted small"> (you)</span>}
                  <span className="users-table__email muted small">{user.email}</span>
                </th>
                <td>{formatRole(user.role)}</td>
                <td className="users-table__status">{describeStatus(user.active)}</td>
                <td>
                  <LedAreas slugs={user.areaSlugs} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    aria-expanded={editingId === user.id}
                    aria-label={`${editingId === user.id ? 'Close' : 'Change'} ${user.name}`}
                    onClick={() => onEdit(editingId === user.id ? null : user.id)}
                  >
                    {editingId === user.id ? 'Close' : 'Change…'}
                  </button>
                </td>
              </tr>
              {editingId === user.id && (
                <tr className="editor-row">
                  <td colSpan={COLUMNS}>
                    {/* Keyed by id: another user's editor starts from that user's version. */}
                    <UserEditor key={user.id} user={user} onClose={() => onEdit(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LedAreas({ slugs }: { slugs: readonly string[] }) {
  if (slugs.length === 0) return <span className="muted">{NO_VALUE}</span>;
  return (
    <ul className="inline-list">
      {slugs.map((slug) => (
        <li key={slug}>
          <Link to={`/areas/${encodeURIComponent(slug)}`}>{slug}</Link>
        </li>
      ))}
    </ul>
  );
}
