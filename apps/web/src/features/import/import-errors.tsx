import type { FieldError } from '@autonomy/contracts';

// A file with a systematic mistake can have an error on every row; the first few hundred are
// enough to see the pattern, and rendering 100,000 rows would freeze the page.
const MAX_LISTED_ERRORS = 200;

export function ImportErrors({ errors }: { errors: readonly FieldError[] }) {
  const ordered = [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const listed = ordered.slice(0, MAX_LISTED_ERRORS);
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="visually-hidden">Problems found in the file, by line</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((error, index) => (
            <tr key={`${error.row ?? ''}-${error.column ?? error.path}-${index}`}>
              <td className="numeric">{error.row ?? '—'}</td>
              <td>
                <code>{error.column ?? error.path}</code>
              </td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ordered.length > listed.length && (
        <p className="muted small">
          Showing the first {MAX_LISTED_ERRORS} of {ordered.length} problems. Fix these and check again.
        </p>
      )}
    </div>
  );
}
