/** Writing the metrics CSV export. */
import { COLUMN_PATHS, METRICS_CSV_COLUMNS, type MetricsCsvRow } from './columns.ts';
import { toSafeCell } from './values.ts';

/** A text cell: safe to open in a spreadsheet (`toSafeCell`), then quoted where CSV needs it. */
export function csvField(text: string): string {
  const value = toSafeCell(text);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Numbers as a person would type them: `1500`, `0.75`, `0.0000001`, never `1e-7` or `12.0`. */
function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${String(value)} into a CSV figure`);
  const shortest = String(value);
  if (!shortest.includes('e')) return shortest;
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (exponent === null) return shortest;
  const [, sign = '', lead = '', fraction = '', power = '0'] = exponent;
  const digits = lead + fraction;
  const shift = Number(power);
  if (shift < 0) return `${sign}0.${'0'.repeat(-shift - 1)}${digits}`;
  // Doubles this large are whole numbers, so the digits never run past the decimal point.
  return `${sign}${digits}${'0'.repeat(shift - fraction.length)}`;
}

/** The export, in the import format: what it writes, an import reads back exactly. */
export function formatMetricsCsv(rows: Iterable<Omit<MetricsCsvRow, 'line'>>): string {
  const lines = [METRICS_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const fields = METRICS_CSV_COLUMNS.map((column) => {
      const value = row[COLUMN_PATHS[column]];
      return typeof value === 'number' ? plainNumber(value) : csvField(value);
    });
    lines.push(fields.join(','));
  }
  return `${lines.join('\n')}\n`;
}
