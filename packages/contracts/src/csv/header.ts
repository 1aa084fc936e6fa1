/** The header row of an import: the names it must hold, and the separators it must not use. */
import type { FieldError } from '../problem.ts';
import { KNOWN_COLUMNS, METRICS_CSV_COLUMNS, type MetricsCsvColumn, type MetricsCsvResult } from './columns.ts';
import { ErrorList, listNames, unparseable } from './errors.ts';
import type { CsvRecord } from './record-reader.ts';


// ---------------------------------------------------------------------------------------------
// The header

export type HeaderCheck =
  | { ok: true; columns: MetricsCsvColumn[] }
  | { ok: false; detail: string; errors: FieldError[] };

const SEPARATORS = [
  { char: ';', name: 'semicolons' },
  { char: '\t', name: 'tabs' },
] as const;

/**
 * A spreadsheet saved with a European locale writes semicolons; say so rather than list 17
 * missing columns.
 */
export function foreignSeparator(names: readonly string[]): (typeof SEPARATORS)[number] | undefined {
  return SEPARATORS.find(({ char }) =>
    names.some(
      (name) =>
        name.includes(char) &&
        (names.length === 1 || name.split(char).some((part) => KNOWN_COLUMNS.has(part.trim()))),
    ),
  );
}

export function separatorProblem(separator: (typeof SEPARATORS)[number], line: number): MetricsCsvResult {
  const message = `the file must be comma-separated, but its header looks separated by ${separator.name}`;
  return unparseable(
    `The file must be comma-separated (,); its header row looks separated by ${separator.name}.`,
    [{ row: line, path: 'header', message }],
  );
}

export function checkHeader(record: CsvRecord): HeaderCheck {
  const errors = new ErrorList();
  const names = record.fields.map((field) => field.trim());
  const seen = new Set<string>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  names.forEach((name, index) => {
    if (name === '') {
      unknown.push('(empty)');
      errors.add({
        row: record.line,
        path: 'header',
        message: `column ${index + 1} of the header has no name; remove it or name it`,
      });
    } else if (!KNOWN_COLUMNS.has(name)) {
      unknown.push(name);
      const intended = METRICS_CSV_COLUMNS.find((column) => column === name.toLowerCase());
      const hint = intended === undefined ? '' : ` (names are lower case: did you mean "${intended}"?)`;
      errors.add({
        row: record.line,
        column: name,
        path: 'header',
        message: `unknown column "${name}"${hint}`,
      });
    } else if (seen.has(name)) {
      duplicated.push(name);
      errors.add({
        row: record.line,
        column: name,
        path: 'header',
        message: `column "${name}" appears more than once in the header`,
      });
    }
    seen.add(name);
  });
  const missing = METRICS_CSV_COLUMNS.filter((column) => !seen.has(column));
  for (const column of missing) {
    errors.add({ row: record.line, column, path: 'header', message: `missing column "${column}"` });
  }
  if (errors.total === 0) return { ok: true, columns: names as MetricsCsvColumn[] };
  const parts = [
    missing.length > 0 ? `missing ${listNames(missing)}` : '',
    unknown.length > 0 ? `unknown ${listNames(unknown)}` : '',
    duplicated.length > 0 ? `repeated ${listNames([...new Set(duplicated)])}` : '',
  ].filter((part) => part !== '');
  return {
    ok: false,
    detail: `The header row does not match the import format (${parts.join('; ')}).`,
    errors: errors.reported,
  };
}

