import { type FieldError, formatErrorReport, parseMetricsCsv } from '@autonomy/contracts';
import { monthOf } from '@autonomy/domain';

/**
 * The rows of a refused file with an `error` column, every one of them: the API lists the first
 * 500 problems, so the file is read again here with the same rules, and what only the server
 * can know (whose areas these are) is added from its answer.
 */
export async function errorReportOf(file: Blob, fromServer: readonly FieldError[]): Promise<string> {
  const text = await file.text();
  const parsed = parseMetricsCsv(text, { latestMonth: monthOf(new Date()), maxReported: Number.POSITIVE_INFINITY });
  const found = parsed.ok ? [] : parsed.errors;
  const seen = new Set(found.map((error) => `${error.row ?? ''}|${error.message}`));
  const errors = [...found, ...fromServer.filter((error) => !seen.has(`${error.row ?? ''}|${error.message}`))];
  return formatErrorReport(text, errors);
}

/** Hands the browser a text file to save. */
export function saveTextFile(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function reportName(fileName: string): string {
  return `${fileName.replace(/\.csv$/i, '')}_problems.csv`;
}
