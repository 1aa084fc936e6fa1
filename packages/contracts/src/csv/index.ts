/**
 * The monthly-inputs CSV of the brief ("Monthly inputs (also the CSV import format)"): reading an
 * import into rows, or into errors that name the file line and column, and writing the export.
 * Pure on purpose: the API validates imports with it and the web app checks files before upload.
 */
export {
  COLUMN_PATHS,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_ERRORS,
  METRICS_CSV_COLUMNS,
  type MetricsCsvColumn,
  type MetricsCsvResult,
  type MetricsCsvRow,
} from './columns.ts';
export { MetricsCsvParser, parseMetricsCsv, type ParseOptions } from './parse.ts';
export { formatMetricsCsv } from './format.ts';
export { formatErrorReport } from './error-report.ts';
