import { useId, useState, type FormEvent } from 'react';
import './area-figures.css';
import { addMonths, formatMonthLong, monthRange } from '../../lib/format.ts';
import { Link } from '../../router.tsx';
import { monthOf } from '../figures/figures-form.ts';

/** How far back an area's first figures may start from here; older history is the CSV import's job. */
const FIRST_MONTH_CHOICES = 12;

/**
 * The call to a new area's leads (and admins): no figures yet, so pick the month they start with
 * and fill in the form. Only months that have begun, as the API keeps no figures for later ones.
 */
export function FirstFiguresPrompt({ areaName, onStart }: { areaName: string; onStart: (month: string) => void }) {
  const thisMonth = monthOf(new Date());
  const choices = monthRange(addMonths(thisMonth, -(FIRST_MONTH_CHOICES - 1)), thisMonth).reverse();
  // Figures usually arrive as a month closes: the month just ended is the likeliest start.
  const [month, setMonth] = useState(addMonths(thisMonth, -1));
  const selectId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart(month);
  }

  return (
    <section className="panel first-figures" aria-labelledby="first-figures-heading">
      <div className="panel__header">
        <h2 id="first-figures-heading">{areaName} has no figures yet</h2>
        <p className="muted">
          Its indices, drift and charts start with its first month of figures. Pick the month and fill in the form, or{' '}
          <Link to="/import">import a CSV</Link> for a longer history.
        </p>
      </div>
      <form className="first-figures__form" onSubmit={handleSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            First month
          </label>
          <select id={selectId} value={month} onChange={(event) => setMonth(event.target.value)}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {formatMonthLong(choice)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary">
          Add its first figures
        </button>
      </form>
    </section>
  );
}
