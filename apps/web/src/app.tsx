import type { ReactNode } from 'react';
import { AppHeader } from './components/app-header.tsx';
import { PageErrorBoundary } from './components/page-error-boundary.tsx';
import { EmptyState, ErrorState, LoadingState } from './components/ui/query-states.tsx';
import { AccessPage } from './features/access/access-page.tsx';
import { AreaPage } from './features/area/area-page.tsx';
import { AreasPage } from './features/areas/areas-page.tsx';
import { useSessionUser } from './features/auth/queries.ts';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { ImportPage } from './features/import/import-page.tsx';
import { MyAreasPage } from './features/my-areas/my-areas-page.tsx';
import { PortfolioPage } from './features/portfolio/portfolio-page.tsx';
import { ReviewPage } from './features/reviews/review-page.tsx';
import { ReviewsPage } from './features/reviews/reviews-page.tsx';
import { SettingsPage } from './features/settings/settings-page.tsx';
import { SignalsPage } from './features/signals/signals-page.tsx';
import { ApiError } from './lib/api.ts';
import { Link, matchRoute, useLocation, type Route } from './router.tsx';

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  if (route.name === 'sign-in') {
    return (
      <PageErrorBoundary resetKey={pathname}>
        <SignInPage />
      </PageErrorBoundary>
    );
  }
  return <SignedInShell route={route} pathname={pathname} />;
}

function SignedInShell({ route, pathname }: { route: Exclude<Route, { name: 'sign-in' }>; pathname: string }) {
  const session = useSessionUser();
  if (session.isPending) return <FullPageState><LoadingState label="Checking your session…" /></FullPageState>;
  if (session.isError) {
    // A 401 has already sent the reader to sign-in (lib/api.ts); anything else is an outage.
    if (session.error instanceof ApiError && session.error.status === 401) return null;
    return (
      <FullPageState>
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </FullPageState>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader user={session.data} route={route} />
      <main id="main" className="app-main" tabIndex={-1}>
        <PageErrorBoundary resetKey={pathname}>
          <RoutePage route={route} />
        </PageErrorBoundary>
      </main>
    </>
  );
}

function RoutePage({ route }: { route: Exclude<Route, { name: 'sign-in' }> }) {
  switch (route.name) {
    case 'portfolio':
      return <PortfolioPage />;
    case 'area':
      // Keyed by slug so moving between areas starts each page fresh.
      return <AreaPage key={route.slug} slug={route.slug} />;
    case 'areas':
      return <AreasPage />;
    case 'my-areas':
      return <MyAreasPage />;
    case 'import':
      return <ImportPage />;
    case 'settings':
      return <SettingsPage />;
    case 'access':
      return <AccessPage />;
    case 'reviews':
      return <ReviewsPage />;
    case 'signals':
      return <SignalsPage />;
    case 'review':
      // Keyed by id so moving from one review to another starts each pack fresh (forms included).
      return <ReviewPage key={route.id} id={route.id} />;
    case 'not-found':
      return (
        <div className="page">
          <EmptyState title="There is no page at this address">
            <Link to="/">Go to the portfolio</Link>
          </EmptyState>
        </div>
      );
  }
}

function FullPageState({ children }: { children: ReactNode }) {
  return <main className="full-page-state">{children}</main>;
}
