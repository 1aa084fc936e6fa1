import type { User } from '@autonomy/contracts';
import { useSignOut } from '../features/auth/queries.ts';
import { API_DOCS_URL } from '../lib/api.ts';
import { formatRole } from '../lib/format.ts';
import { Link, navigate, readMonthParam, useLocation, withMonth, type Route } from '../router.tsx';

export function AppHeader({ user, route }: { user: User; route: Route }) {
  const { searchParams } = useLocation();
  // Carry the month across pages so switching pages never silently changes the period.
  const month = readMonthParam(searchParams);
  const signOut = useSignOut();

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={withMonth('/', month)} className="app-header__brand">
          Autonomy dashboard
        </Link>
        <nav aria-label="Main" className="app-header__nav">
          {/* Leads' own page; an admin who leads an area gets it too. */}
          {(user.role === 'area_lead' || user.areaSlugs.length > 0) && (
            <Link to="/my-areas" aria-current={route.name === 'my-areas' ? 'page' : undefined}>
              My areas
            </Link>
          )}
          <Link to={withMonth('/', month)} aria-current={route.name === 'portfolio' || route.name === 'area' ? 'page' : undefined}>
            Portfolio
          </Link>
          <Link to="/areas" aria-current={route.name === 'areas' ? 'page' : undefined}>
            Areas
          </Link>
          <Link to="/signals" aria-current={route.name === 'signals' ? 'page' : undefined}>
            Signals
          </Link>
          <Link to="/reviews" aria-current={route.name === 'reviews' || route.name === 'review' ? 'page' : undefined}>
            Reviews
          </Link>
          <Link to="/import" aria-current={route.name === 'import' ? 'page' : undefined}>
            Import / export
          </Link>
          <Link to="/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </Link>
          <Link to="/access" aria-current={route.name === 'access' ? 'page' : undefined}>
            Access
          </Link>
          <a href={API_DOCS_URL} target="_blank" rel="noreferrer">
            API docs
          </a>
        </nav>
        <div className="app-header__user">
          <span>
            <span className="app-header__name">{user.name}</span>
            <span className="app-header__role">{formatRole(user.role)}</span>
          </span>
          <button
            type="button"
            className="button button--quiet"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
