/** The rows of an import file that broke a rule, as a CSV to fix them in. */
import type { FieldError } from '../problem.ts';
import { csvField } from './format.ts';
import { CsvRecordReader, isBlank } from './record-reader.ts';

/**
 * The file's header with an `error` column added, then each data row that has a problem, as it
 * was written, with its problems in that column. Rows are found by their file line, so the
 * errors are those of this very text. A file whose quoting breaks is reported up to the break.
 */
export function formatErrorReport(text: string, errors: readonly FieldError[]): string {
  const problemsByLine = new Map<number, string[]>();
  for (const error of errors) {
    if (error.row === undefined) continue;
    const problems = problemsByLine.get(error.row);
    if (problems) problems.push(error.message);
    else problemsByLine.set(error.row, [error.message]);
  }
  const reader = new CsvRecordReader(text);
  const lines: string[] = [];
  try {
    let headerLine: number | undefined;
    for (let record = reader.next(); record !== null; record = reader.next()) {
      if (isBlank(record.fields)) continue;
      if (headerLine === undefined) {
        headerLine = record.line;
        lines.push([...record.fields, 'error'].map(csvField).join(','));
        continue;
      }
      const problems = problemsByLine.get(record.line);
      if (problems) lines.push([...record.fields, problems.join('; ')].map(csvField).join(','));
    }
  } catch {
    // The rows before the broken quoting are what can be reported.
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
