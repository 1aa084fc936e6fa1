import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from '../router.tsx';

/**
 * Catches what a page throws while rendering, so one broken page leaves the header and a way back
 * instead of a blank screen. Moving to another address (`resetKey`) tries the page again.
 */
export class PageErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The page failed to render:', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    return this.state.error ? <PageErrorFallback /> : this.props.children;
  }
}

export function PageErrorFallback() {
  return (
    <div className="page">
      <div className="state state--error" role="alert">
        <p className="state__title">Something went wrong on this page</p>
        <p>Nothing you saved is lost. Go to the portfolio, or reload the page to try again.</p>
        <div className="state__actions">
          <Link to="/">Go to the portfolio</Link>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      </div>
    </div>
  );
}
