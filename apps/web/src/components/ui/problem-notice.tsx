import { ApiError } from '../../lib/api.ts';

/**
 * A failed write, in the API's own words: the problem's detail (or title), and each field error.
 * `action` says what did not happen ("The signal was not changed").
 */
export function ProblemNotice({ error, action }: { error: Error; action: string }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const reason = problem ? problem.detail || problem.title : 'Something went wrong. Try again.';
  const fieldErrors = problem?.errors ?? [];
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <span className="notice__title">{action}:</span> {reason}
      </p>
      {fieldErrors.length > 0 && (
        <ul className="notice__list">
          {fieldErrors.map((fieldError, index) => (
            <li key={`${fieldError.path}-${index}`}>
              {fieldError.path ? <code>{fieldError.path}</code> : null} {fieldError.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
