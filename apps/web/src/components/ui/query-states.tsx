import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api.ts';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorState({ error, onRetry, children }: { error: Error; onRetry?: () => void; children?: ReactNode }) {
  const problem = error instanceof ApiError ? error.problem : null;
  // A missing area or a bad month will be just as missing on a second try; only offer it for outages.
  const retryCanHelp = !(problem && problem.status >= 400 && problem.status < 500);
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{problem?.title ?? 'Something went wrong'}</p>
      <p>{problem?.detail || 'The figures could not be loaded.'}</p>
      {children}
      {onRetry && retryCanHelp && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}
