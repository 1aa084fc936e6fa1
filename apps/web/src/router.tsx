import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { monthSchema, reviewIdParamsSchema } from '@autonomy/contracts';

/** The app's pages. Anything else is `not-found`. */
export type Route =
  | { name: 'portfolio' }
  | { name: 'area'; slug: string }
  | { name: 'areas' }
  | { name: 'my-areas' }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'access' }
  | { name: 'reviews' }
  | { name: 'signals' }
  | { name: 'review'; id: string }
  | { name: 'sign-in' }
  | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { name: 'portfolio' };
  if (path === '/import') return { name: 'import' };
  if (path === '/areas') return { name: 'areas' };
  if (path === '/my-areas') return { name: 'my-areas' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/access') return { name: 'access' };
  if (path === '/sign-in') return { name: 'sign-in' };
  if (path === '/reviews') return { name: 'reviews' };
  if (path === '/signals') return { name: 'signals' };
  const area = decoded(/^\/areas\/([^/]+)$/.exec(path)?.[1]);
  if (area) return { name: 'area', slug: area };
  const review = decoded(/^\/reviews\/([^/]+)$/.exec(path)?.[1]);
  // Only a review id can name a review; anything else is no page, not a request the API would refuse.
  if (review && reviewIdParamsSchema.shape.id.safeParse(review).success) return { name: 'review', id: review };
  return { name: 'not-found' };
}

/** A path segment decoded, or undefined when its %-escapes are malformed (`/areas/%`): no page has that name. */
function decoded(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

// pushState fires no event of its own, so navigate() announces changes with this one.
const NAVIGATION_EVENT = 'app:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATION_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATION_EVENT, onChange);
  };
}

// A string snapshot keeps useSyncExternalStore stable: equal URLs compare equal.
const currentUrl = () => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): { pathname: string; searchParams: URLSearchParams } {
  const url = new URL(useSyncExternalStore(subscribe, currentUrl), window.location.origin);
  return { pathname: url.pathname, searchParams: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATION_EVENT));
}

/** A same-origin link that navigates without a reload, yet still opens in a new tab on ⌘/Ctrl-click. */
export function Link({ to, onClick, ...anchor }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const plainLeftClick =
      event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (event.defaultPrevented || !plainLeftClick) return;
    event.preventDefault();
    navigate(to);
  }
  return <a {...anchor} href={to} onClick={handleClick} />;
}

/**
 * The month chosen in the URL, when it is a real `YYYY-MM` month. A mistyped one is ignored (the
 * page shows the latest month) rather than turned into an error page with nowhere to go.
 */
export function readMonthParam(searchParams: URLSearchParams): string | undefined {
  const parsed = monthSchema.safeParse(searchParams.get('month'));
  return parsed.success ? parsed.data : undefined;
}

/** `path` with `?month=…` when a month is chosen, so links keep the month the reader is looking at. */
export function withMonth(path: string, month: string | undefined): string {
  return month ? `${path}?${new URLSearchParams({ month }).toString()}` : path;
}

/**
 * Where sign-in should send the user back to. Only same-origin paths: `//evil.example` and
 * absolute URLs would turn the sign-in page into an open redirect.
 */
export function safeReturnPath(candidate: string | null): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return '/';
  }
  return matchRoute(new URL(candidate, 'http://local').pathname).name === 'sign-in' ? '/' : candidate;
}
