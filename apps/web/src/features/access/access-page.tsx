import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { canManageUsers } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { PasswordPanel } from './password-panel.tsx';
import { MyTokensPanel } from './tokens-panel.tsx';
import { UsersPanel } from './users-panel.tsx';

/** Who can reach the dashboard and its API: one's own API tokens, and for admins every account. */
export function AccessPage() {
  useDocumentTitle('Access');
  const session = useSessionUser();
  const user = session.data;
  const managesUsers = user ? canManageUsers(user.role) : false;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Access</h1>
          <p className="muted">
            {managesUsers
              ? 'Your password and personal API tokens, and the accounts of everyone who can sign in.'
              : 'Your password, and your personal API tokens for scripts and other systems that read or send figures as you.'}
          </p>
        </div>
      </div>
      <div className="stack">
        <PasswordPanel />
        <MyTokensPanel />
        {user && managesUsers && <UsersPanel currentUserId={user.id} />}
      </div>
    </div>
  );
}
