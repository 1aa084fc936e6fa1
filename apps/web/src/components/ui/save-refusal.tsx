import { ApiError } from '../../lib/api.ts';

/**
 * A save the API refused: its detail, a pointer to the messages shown beside the inputs, and the
 * messages no input could show (`general`).
 */
export function SaveRefusal({ error, general, besideWhat }: { error: Error; general: readonly string[]; besideWhat: string }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const placedBesideInputs = problem !== null && (problem.errors?.length ?? 0) > general.length;
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <span className="notice__title">Not saved:</span>{' '}
        {problem ? problem.detail || problem.title : 'Something went wrong. Try again.'}
        {placedBesideInputs && ` See the messages beside the ${besideWhat}.`}
      </p>
      {general.length > 0 && (
        <ul className="notice__list">
          {general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
