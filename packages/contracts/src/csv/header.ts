/** The header row of an import: the names it must hold, and the separators it must not use. */
import type { FieldError } from '../problem.ts';
import { METRICS_CSV_COLUMNS, type MetricsCsvColumn, type MetricsCsvResult } from './columns.ts';
import { ErrorList, listNames, unparseable } from './errors.ts';
import type { CsvRecord } from './record-reader.ts';


// ---------------------------------------------------------------------------------------------
// The header

export type HeaderCheck =
  | {
      ok: true;
      /** The column at each position of the header; undefined where the column is ignored. */
      columns: (MetricsCsvColumn | undefined)[];
      /** Columns that are not part of the format, said once so nobody thinks they were read. */
      warnings: FieldError[];
    }
  | { ok: false; detail: string; errors: FieldError[] };

/** `Area Slug`, `AREA_SLUG` and `areaSlug` all name area_slug: case, spaces and underscores aside. */
const nameKey = (name: string) => name.toLowerCase().replace(/[\s_]+/g, '');
const COLUMN_BY_KEY = new Map<string, MetricsCsvColumn>(METRICS_CSV_COLUMNS.map((column) => [nameKey(column), column]));

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
        (names.length === 1 || name.split(char).some((part) => COLUMN_BY_KEY.has(nameKey(part.trim())))),
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
  const warnings: FieldError[] = [];
  const columns: (MetricsCsvColumn | undefined)[] = [];
  const seen = new Set<MetricsCsvColumn>();
  const duplicated: string[] = [];
  record.fields.forEach((field, index) => {
    const name = field.replace(/^\uFEFF/, '').trim();
    const column = COLUMN_BY_KEY.get(nameKey(name));
    columns.push(column);
    if (column === undefined) {
      const what = name === '' ? `column ${index + 1} has no name` : `column "${name}" is not part of the import format`;
      warnings.push({ row: record.line, ...(name === '' ? {} : { column: name }), path: 'header', message: `${what}; its values were ignored` });
    } else if (seen.has(column)) {
      duplicated.push(column);
      errors.add({ row: record.line, column, path: 'header', message: `column "${column}" appears more than once in the header` });
    }
    if (column !== undefined) seen.add(column);
  });
  const missing = METRICS_CSV_COLUMNS.filter((column) => !seen.has(column));
  for (const column of missing) {
    errors.add({ row: record.line, column, path: 'header', message: `missing column "${column}"` });
  }
  if (errors.total === 0) return { ok: true, columns, warnings };
  const ignored = warnings.flatMap((warning) => (warning.column === undefined ? [] : [warning.column]));
  const parts = [
    missing.length > 0 ? `missing ${listNames(missing)}` : '',
    duplicated.length > 0 ? `repeated ${listNames([...new Set(duplicated)])}` : '',
    // Named only beside a missing column: a misspelt name is the likeliest cause.
    missing.length > 0 && ignored.length > 0 ? `not part of the format: ${listNames(ignored)}` : '',
  ].filter((part) => part !== '');
  return {
    ok: false,
    detail: `The header row does not match the import format (${parts.join('; ')}).`,
    errors: errors.reported,
  };
}
