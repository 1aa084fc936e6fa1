import { useEffect, useRef } from 'react';
import type { AreaMonthFigures } from '@autonomy/contracts';
import type { VersionedAreaMonth } from '../../lib/api.ts';
import { countOf, formatDateTime } from '../../lib/format.ts';
import { conflictRows, pickFigures } from './figures-form.ts';

/**
 * Shown when a save is refused because someone else saved the same month after the form opened.
 * Nothing of mine has been written: the reader compares the two versions and chooses.
 */
export function FiguresConflictPanel({ opened, mine, latest, onUseTheirs, onKeepMine }: {
  /** The figures the form was opened with. */
  opened: AreaMonthFigures;
  /** The figures my refused save sent. */
  mine: AreaMonthFigures;
  /** What is saved now, with its ETag. */
  latest: VersionedAreaMonth;
  onUseTheirs: () => void;
  onKeepMine: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rows = conflictRows(opened, mine, pickFigures(latest.areaMonth));
  const mineCount = rows.filter((row) => row.changedByMe).length;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="conflict-panel" role="alert" aria-labelledby="figures-conflict-heading">
      <h3 id="figures-conflict-heading" className="conflict-panel__title" ref={headingRef} tabIndex={-1}>
        Someone else changed these figures since you opened them
      </h3>
      <p>
        Their version was saved {formatDateTime(latest.areaMonth.updatedAt)}. Yours has not been saved.{' '}
        {rows.length === 0
          ? 'Their figures are the same as yours.'
          : `${countOf(rows.length, 'figure')} ${rows.length === 1 ? 'differs' : 'differ'}:`}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact conflict-table">
            <caption className="visually-hidden">Their saved values beside yours, for the figures that differ.</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col" className="numeric">Theirs (saved)</th>
                <th scope="col" className="numeric">Yours</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-figure={row.key} data-changed-by-me={row.changedByMe}>
                  <th scope="row">{row.label}</th>
                  <td className="numeric conflict-table__theirs">{row.theirs}</td>
                  <td className="numeric conflict-table__mine">
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
        <strong>Use theirs</strong> reloads the form with their figures. <strong>Keep mine</strong> saves{' '}
        {mineCount > 0 ? `the ${countOf(mineCount, 'figure')} you changed` : 'your changes'} on top of theirs; figures
        you did not change keep their values.
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
