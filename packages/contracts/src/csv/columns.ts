/** The columns of the metrics CSV, the limits of an import and the shapes a parse returns. */
import type { AreaMonthFigures } from '../area-month.ts';
import type { FieldError } from '../problem.ts';

export const METRICS_CSV_COLUMNS = [
  'area_slug',
  'area_name',
  'month',
  'revenue_target',
  'revenue_actual',
  'marketing_dedicated_fte',
  'marketing_shared_fte',
  'sales_dedicated_fte',
  'sales_shared_fte',
  'hires_total',
  'hires_lead_owned',
  'decisions_total',
  'decisions_central',
  'shared_service_dependencies',
  'mandatory_processes',
  'approval_latency_days',
  'target_owner',
] as const;
export type MetricsCsvColumn = (typeof METRICS_CSV_COLUMNS)[number];

/** One import may hold up to this many data rows (the brief's limit). */
export const MAX_IMPORT_ROWS = 100_000;
/** A broken file can produce millions of errors; the answer lists this many and counts the rest. */
export const MAX_REPORTED_ERRORS = 500;

export interface MetricsCsvRow extends AreaMonthFigures {
  areaSlug: string;
  areaName: string;
  month: string;
  /** The file line the row starts on; the header is line 1. */
  line: number;
}

export type MetricsCsvResult =
  | {
      ok: true;
      rows: MetricsCsvRow[];
      /** What was read differently from how it was written, or not at all (columns not in the format). */
      warnings: FieldError[];
    }
  | {
      ok: false;
      /** `unparseable`: not CSV we can read (400). `invalid`: rows that break the rules (422). */
      kind: 'unparseable' | 'invalid';
      detail: string;
      errors: FieldError[];
    };

export type RowField = keyof Omit<MetricsCsvRow, 'line'>;

/** Each column's field in a row and in the API (the brief: "the CSV columns, in camelCase"). */
export const COLUMN_PATHS = {
  area_slug: 'areaSlug',
  area_name: 'areaName',
  month: 'month',
  revenue_target: 'revenueTarget',
  revenue_actual: 'revenueActual',
  marketing_dedicated_fte: 'marketingDedicatedFte',
  marketing_shared_fte: 'marketingSharedFte',
  sales_dedicated_fte: 'salesDedicatedFte',
  sales_shared_fte: 'salesSharedFte',
  hires_total: 'hiresTotal',
  hires_lead_owned: 'hiresLeadOwned',
  decisions_total: 'decisionsTotal',
  decisions_central: 'decisionsCentral',
  shared_service_dependencies: 'sharedServiceDependencies',
  mandatory_processes: 'mandatoryProcesses',
  approval_latency_days: 'approvalLatencyDays',
  target_owner: 'targetOwner',
} as const satisfies Record<MetricsCsvColumn, RowField>;

// Compile-time proof that every field of a row has a column, so a field added to the figures
// schema cannot silently go missing from the import and the export.
type FieldsWithoutColumn = Exclude<RowField, (typeof COLUMN_PATHS)[MetricsCsvColumn]>;
const everyFieldHasAColumn: [FieldsWithoutColumn] extends [never] ? true : FieldsWithoutColumn = true;
void everyFieldHasAColumn;

export const COLUMN_OF_PATH = new Map<string, MetricsCsvColumn>(
  METRICS_CSV_COLUMNS.map((column) => [COLUMN_PATHS[column], column]),
);
export const columnOfPath = (path: string): string => COLUMN_OF_PATH.get(path) ?? path;
