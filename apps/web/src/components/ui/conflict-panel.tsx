import { useEffect, useRef } from 'react';
import type { ConflictRow } from '../../lib/conflict.ts';
import { countOf, formatDateTime } from '../../lib/format.ts';

/** What one form's conflict panel says, and how its rows are marked for styles and tests. */
export interface ConflictPanelText {
  headingId: string;
  /** "Someone else changed these figures since you opened them". */
  title: string;
  /** What became of my version: "Yours has not been saved." */
  yoursNotSaved: string;
  /** Said instead of the table when no field differs any more. */
  noDifference: string;
  /** What each row is: "field", "figure". */
  rowNoun: string;
  /** What "Use theirs" reloads: "their version", "their figures". */
  theirVersion: string;
  /** The row's attribute naming its field: `data-field`, `data-figure`. */
  rowAttribute: `data-${string}`;
  /** Right-aligned value columns, for numbers. */
  numeric: boolean;
  theirsClassName: string;
  mineClassName: string;
}

/**
 * Shown when a save is refused (412) because someone else saved after the form opened. Nothing of
 * mine has been written: the reader compares their saved values with mine, field by field, and
 * chooses whose to start from.
 */
export function ConflictPanel({ text, savedAt, rows, onUseTheirs, onKeepMine }: {
  text: ConflictPanelText;
  /** When their version was saved. */
  savedAt: string;
  rows: readonly ConflictRow<string>[];
  onUseTheirs: () => void;
  onKeepMine: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mineCount = rows.filter((row) => row.changedByMe).length;
  const { rowNoun } = text;
  const valueColumnClassName = text.numeric ? 'numeric' : undefined;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="conflict-panel" role="alert" aria-labelledby={text.headingId}>
      <h3 id={text.headingId} className="conflict-panel__title" ref={headingRef} tabIndex={-1}>
        {text.title}
      </h3>
      <p>
        Their version was saved {formatDateTime(savedAt)}. {text.yoursNotSaved}{' '}
        {rows.length === 0 ? text.noDifference : `${countOf(rows.length, rowNoun)} ${rows.length === 1 ? 'differs' : 'differ'}:`}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact conflict-table">
            <caption className="visually-hidden">Their saved values beside yours, for the {rowNoun}s that differ.</caption>
            <thead>
              <tr>
                <th scope="col">{rowNoun.charAt(0).toUpperCase() + rowNoun.slice(1)}</th>
                <th scope="col" className={valueColumnClassName}>
                  Theirs (saved)
                </th>
                <th scope="col" className={valueColumnClassName}>
                  Yours
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} {...{ [text.rowAttribute]: row.key }} data-changed-by-me={row.changedByMe}>
                  <th scope="row">{row.label}</th>
                  <td className={text.theirsClassName}>{row.theirs}</td>
                  <td className={text.mineClassName}>
                    {row.mine}
                    {!row.changedByMe && <span className="muted small conflict-table__note"> (you did not change this)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        <strong>Use theirs</strong> reloads the form with {text.theirVersion}. <strong>Keep mine</strong> saves{' '}
        {mineCount > 0 ? `the ${countOf(mineCount, rowNoun)} you changed` : 'your changes'} on top of theirs; {rowNoun}s you
        did not change keep their values.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={onUseTheirs}>
          Use theirs
        </button>
        <button type="button" className="button button--primary" onClick={onKeepMine}>
          Keep mine
        </button>
      </div>
    </section>
  );
}
