import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PageErrorBoundary, PageErrorFallback } from './page-error-boundary.tsx';

describe('PageErrorBoundary', () => {
  it('shows the page while nothing has failed', () => {
    expect(renderToStaticMarkup(<PageErrorBoundary resetKey="/">{<p>The portfolio</p>}</PageErrorBoundary>)).toBe('<p>The portfolio</p>');
  });

  it('turns an error thrown while rendering into the fallback, and keeps the error', () => {
    const thrown = new Error('boom');
    expect(PageErrorBoundary.getDerivedStateFromError(thrown)).toEqual({ error: thrown });
    // Anything thrown becomes an Error, so the fallback never depends on what a page threw.
    expect(PageErrorBoundary.getDerivedStateFromError('a string').error).toBeInstanceOf(Error);

    const boundary = new PageErrorBoundary({ resetKey: '/areas/payments', children: <p>The area</p> });
    boundary.state = PageErrorBoundary.getDerivedStateFromError(thrown);
    const markup = renderToStaticMarkup(<>{boundary.render()}</>);
    expect(markup).toContain('Something went wrong on this page');
    expect(markup).not.toContain('The area');
  });

  it('tries the page again once the address changes', () => {
    const boundary = new PageErrorBoundary({ resetKey: '/areas/payments', children: null });
    boundary.state = { error: new Error('boom') };
    const updates: unknown[] = [];
    boundary.setState = (update) => void updates.push(update);
    boundary.componentDidUpdate({ resetKey: '/areas/payments' });
    expect(updates).toEqual([]);
    (boundary as { props: { resetKey: string } }).props = { resetKey: '/' };
    boundary.componentDidUpdate({ resetKey: '/areas/payments' });
    expect(updates).toEqual([{ error: null }]);
  });
});

describe('PageErrorFallback', () => {
  it('says what happened and offers a way back: the portfolio, or a reload', () => {
    const markup = renderToStaticMarkup(<PageErrorFallback />);
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('Something went wrong on this page');
    expect(markup).toMatch(/<a href="\/">Go to the portfolio<\/a>/);
    expect(markup).toMatch(/<button type="button" class="button">Reload the page<\/button>/);
  });
});
