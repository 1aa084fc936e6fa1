import { ApiError } from '../../lib/api.ts';
import { ProblemNotice } from './problem-notice.tsx';

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

/**
 * A form's refused write: with field errors, a `SaveRefusal` pointing at the inputs that show them;
 * without (a 403, a 500), the API's words after `action` ("The user was not added").
 */
export function FormRefusal({ error, general, besideWhat, action }: {
  error: Error;
  general: readonly string[];
  besideWhat: string;
  action: string;
}) {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    return <SaveRefusal error={error} general={general} besideWhat={besideWhat} />;
  }
  return <ProblemNotice error={error} action={action} />;
}
