import { useId } from 'react';
import { formatMonthLong } from '../../lib/format.ts';

/** Picks one of the months that have figures (newest first, as the API lists them). */
export function MonthSelect({ months, value, onChange, labelOf = formatMonthLong }: {
  months: readonly string[];
  value: string;
  onChange: (month: string) => void;
  /** An option's words; by default the month alone ("November 2026"). */
  labelOf?: (month: string) => string;
}) {
  const id = useId();
  return (
    <div className="month-select">
      <label htmlFor={id}>Month</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {!months.includes(value) && (
          // A shared link can name a month without figures; say so instead of showing another month.
          <option value={value} disabled>
            {formatMonthLong(value)} (no figures)
          </option>
        )}
        {months.map((month) => (
          <option key={month} value={month}>
            {labelOf(month)}
          </option>
        ))}
      </select>
    </div>
  );
}
