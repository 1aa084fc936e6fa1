/** Reading an import file into rows, or into errors that name the file line and column. */
import type { FieldError } from '../problem.ts';
import { checkFigureRules, monthNotBegunMessage } from '../area-month.ts';
import {
  COLUMN_OF_PATH,
  COLUMN_PATHS,
  columnOfPath,
  MAX_IMPORT_ROWS,
  METRICS_CSV_COLUMNS,
  type MetricsCsvColumn,
  type MetricsCsvResult,
  type MetricsCsvRow,
  type RowField,
} from './columns.ts';
import { ErrorList, plural, unparseable } from './errors.ts';
import { checkHeader, foreignSeparator, separatorProblem } from './header.ts';
import { CsvRecordReader, CsvSyntaxError, isBlank, type CsvRecord } from './record-reader.ts';
import {
  quoted,
  readAreaName,
  readCount,
  readDecimal,
  readMonth,
  readOwner,
  readRemembered,
  readSlug,
  ValueProblem,
} from './values.ts';


// ---------------------------------------------------------------------------------------------
// Rows

/**
 * Reads the values of one row, column by column in the order of METRICS_CSV_COLUMNS, wherever
 * the file put each column. A value that breaks its rule is reported and replaced by a stand-in
 * (NaN or ''), and its column remembered, so one row reports all of its problems at once.
 * Reading in a fixed order rather than looking each column up keeps 1.7 million values fast.
 */
class RowReader {
  private readonly failures = new Set<MetricsCsvColumn>();
  private fields: readonly string[] = [];
  private line = 0;
  private cursor = 0;
  private readonly slugs = new Map<string, string | ValueProblem>();
  private readonly names = new Map<string, string | ValueProblem>();
  private readonly months = new Map<string, string | ValueProblem>();

  /** `positions[i]`: where the file put the i-th column of METRICS_CSV_COLUMNS. */
  constructor(
    private readonly positions: readonly number[],
    private readonly errors: ErrorList,
    private readonly latestMonth: string | undefined,
  ) {}

  start(record: CsvRecord): void {
    this.fields = record.fields;
    this.line = record.line;
    this.cursor = 0;
    this.failures.clear();
  }

  areaSlug(column: MetricsCsvColumn): string {
    return this.take(column, readRemembered(this.slugs, readSlug, column, this.raw(column)), '');
  }

  areaName(column: MetricsCsvColumn): string {
    return this.take(column, readRemembered(this.names, readAreaName, column, this.raw(column)), '');
  }

  calendarMonth(column: MetricsCsvColumn): string {
    const month = this.take(column, readRemembered(this.months, readMonth, column, this.raw(column)), '');
    if (this.latestMonth === undefined || month <= this.latestMonth) return month;
    return this.take(column, new ValueProblem(monthNotBegunMessage(column, month, this.latestMonth)), '');
  }

  decimal(column: MetricsCsvColumn): number {
    return this.take(column, readDecimal(column, this.raw(column)), Number.NaN);
  }

  count(column: MetricsCsvColumn): number {
    return this.take(column, readCount(column, this.raw(column)), Number.NaN);
  }

  owner(column: MetricsCsvColumn): 'area' | 'central' {
    return this.take(column, readOwner(column, this.raw(column)), 'area');
  }

  /** Whether this column of the current row broke its rule. */
  failed(column: MetricsCsvColumn): boolean {
    return this.failures.size > 0 && this.failures.has(column);
  }

  failedAny(columns: readonly MetricsCsvColumn[]): boolean {
    return this.failures.size > 0 && columns.some((column) => this.failures.has(column));
  }

  private raw(column: MetricsCsvColumn): string {
    const index = this.cursor++;
    if (column !== METRICS_CSV_COLUMNS[index]) {
      throw new Error(`read ${column} where ${String(METRICS_CSV_COLUMNS[index])} comes next`);
    }
    // The header check guarantees every column a position within the row.
    return this.fields[this.positions[index] as number] as string;
  }

  private take<T>(column: MetricsCsvColumn, value: T | ValueProblem, standIn: T): T {
    if (!(value instanceof ValueProblem)) return value;
    this.errors.add({ row: this.line, column, path: COLUMN_PATHS[column], message: value.message });
    this.failures.add(column);
    return standIn;
  }
}

/** What earlier rows said, for the rules that span rows. */
interface FileMemory {
  /** slug → month → the line that row is on. */
  areaMonths: Map<string, Map<string, number>>;
  /** slug → the first name given for it, and where. */
  areaNames: Map<string, { name: string; line: number }>;
}

const FIGURE_RULE_COLUMNS: readonly MetricsCsvColumn[] = [
  'hires_total',
  'hires_lead_owned',
  'decisions_total',
  'decisions_central',
];

/** Returns the row, or undefined when it broke a rule (the errors are added to `errors`). */
function readRow(
  record: CsvRecord,
  columnCount: number,
  read: RowReader,
  memory: FileMemory,
  errors: ErrorList,
): MetricsCsvRow | undefined {
  const { line, fields } = record;
  if (fields.length !== columnCount) {
    errors.add({
      row: line,
      path: '',
      message:
        `this row has ${plural(fields.length, 'value')}, ` +
        `but the header has ${plural(columnCount, 'column')}`,
    });
    return undefined;
  }

  const errorsBefore = errors.total;
  read.start(record);
  const row: MetricsCsvRow = {
    areaSlug: read.areaSlug('area_slug'),
    areaName: read.areaName('area_name'),
    month: read.calendarMonth('month'),
    revenueTarget: read.decimal('revenue_target'),
    revenueActual: read.decimal('revenue_actual'),
    marketingDedicatedFte: read.decimal('marketing_dedicated_fte'),
    marketingSharedFte: read.decimal('marketing_shared_fte'),
    salesDedicatedFte: read.decimal('sales_dedicated_fte'),
    salesSharedFte: read.decimal('sales_shared_fte'),
    hiresTotal: read.count('hires_total'),
    hiresLeadOwned: read.count('hires_lead_owned'),
    decisionsTotal: read.count('decisions_total'),
    decisionsCentral: read.count('decisions_central'),
    sharedServiceDependencies: read.count('shared_service_dependencies'),
    mandatoryProcesses: read.count('mandatory_processes'),
    approvalLatencyDays: read.decimal('approval_latency_days'),
    targetOwner: read.owner('target_owner'),
    line,
  };

  if (!read.failedAny(FIGURE_RULE_COLUMNS)) {
    for (const problem of checkFigureRules(row)) {
      errors.add({
        row: line,
        column: columnOfPath(problem.path),
        path: problem.path,
        message: describeRuleBreach(problem, row),
      });
    }
  }

  const slugRead = !read.failed('area_slug');
  if (slugRead && !read.failed('month')) {
    let months = memory.areaMonths.get(row.areaSlug);
    if (months === undefined) memory.areaMonths.set(row.areaSlug, (months = new Map()));
    const earlierLine = months.get(row.month);
    if (earlierLine === undefined) {
      months.set(row.month, line);
    } else {
      errors.add({
        row: line,
        path: '',
        message:
          `${row.areaSlug} ${row.month} already appears on line ${earlierLine}; ` +
          'each area and month may appear only once',
      });
    }
  }
  if (slugRead && !read.failed('area_name')) {
    const earlier = memory.areaNames.get(row.areaSlug);
    if (earlier === undefined) {
      memory.areaNames.set(row.areaSlug, { name: row.areaName, line });
    } else if (earlier.name !== row.areaName) {
      errors.add({
        row: line,
        column: 'area_name',
        path: 'areaName',
        message:
          `area_name ${quoted(row.areaName)} differs from ${quoted(earlier.name)} given for ` +
          `${row.areaSlug} on line ${earlier.line}; an area has one name`,
      });
    }
  }

  return errors.total === errorsBefore ? row : undefined;
}

const CAMEL_CASE_FIELD = /\b[a-z]+(?:[A-Z][a-z]*)+\b/g;

/**
 * `checkFigureRules` speaks in API field names; an import speaks in columns, and the person
 * fixing the file wants to see both numbers.
 */
function describeRuleBreach(
  problem: { path: RowField; message: string },
  row: MetricsCsvRow,
): string {
  const involved: RowField[] = [problem.path];
  const message = problem.message.replace(CAMEL_CASE_FIELD, (field) => {
    if (!COLUMN_OF_PATH.has(field)) return field;
    if (!involved.includes(field as RowField)) involved.push(field as RowField);
    return columnOfPath(field);
  });
  const values = involved.map((field) => `${columnOfPath(field)} is ${String(row[field])}`).join(', ');
  return `${columnOfPath(problem.path)} ${message} (${values})`;
}

// ---------------------------------------------------------------------------------------------
// Parsing a file

export interface ParseOptions {
  /** The current month: figures are for months that have begun, so a later one is refused. */
  latestMonth?: string;
  /** How many problems to list (default MAX_REPORTED_ERRORS); a report of every bad row asks for all. */
  maxReported?: number;
}

/**
 * Reads an import file. All rows or none: any broken rule makes the whole file `invalid`, with
 * every problem found (up to MAX_REPORTED_ERRORS listed), so one upload shows everything to fix.
 */
export function parseMetricsCsv(text: string, options: ParseOptions = {}): MetricsCsvResult {
  const parser = new MetricsCsvParser(options);
  parser.push(text);
  return parser.end();
}

/** The first characters of a file are kept to name a foreign separator in a header that broke the quoting. */
const OPENING_KEPT = 64 * 1024;

/**
 * `parseMetricsCsv` for a file that arrives in chunks: memory holds the rows read so far and one
 * chunk, never the whole text. `push` each chunk as it comes, then `end` for the result.
 */
export class MetricsCsvParser {
  private readonly reader = new CsvRecordReader();
  private opening = '';
  private columns: readonly (MetricsCsvColumn | undefined)[] | undefined;
  private data: DataRows | undefined;
  /** Set once the file is refused before its end: the rest need not be read. */
  private refusal: MetricsCsvResult | undefined;

  constructor(private readonly options: ParseOptions = {}) {}

  /** Reads a chunk of the text; false once the file is refused whatever follows (stop sending). */
  push(chunk: string): boolean {
    if (this.refusal) return false;
    if (this.opening.length < OPENING_KEPT) this.opening += chunk.slice(0, OPENING_KEPT - this.opening.length);
    this.reader.push(chunk);
    this.read();
    return this.refusal === undefined;
  }

  end(): MetricsCsvResult {
    if (this.refusal) return this.refusal;
    this.reader.end();
    this.read();
    if (this.refusal) return this.refusal;
    if (this.data) return this.data.result();
    return unparseable('The file is empty; it must start with a header row naming the columns.', [
      { row: 1, path: 'header', message: 'the file is empty' },
    ]);
  }

  private read(): void {
    try {
      if (!this.data) {
        const header = nextNonBlankRecord(this.reader);
        if (header === null) return;
        const separator = foreignSeparator(header.fields);
        if (separator !== undefined) {
          this.refusal = separatorProblem(separator, header.line);
          return;
        }
        const check = checkHeader(header);
        if (!check.ok) {
          this.refusal = unparseable(check.detail, check.errors);
          return;
        }
        this.columns = check.columns;
        this.data = new DataRows(check.columns, check.warnings, this.options);
      }
      for (let record = nextNonBlankRecord(this.reader); record !== null; record = nextNonBlankRecord(this.reader)) {
        const refusal = this.data.add(record);
        if (refusal) {
          this.refusal = refusal;
          return;
        }
      }
    } catch (error) {
      this.refusal = syntaxProblem(this.opening, error, this.columns ?? null);
    }
  }
}

function nextNonBlankRecord(reader: CsvRecordReader): CsvRecord | null {
  for (let record = reader.next(); record !== null; record = reader.next()) {
    if (!isBlank(record.fields)) return record;
  }
  return null;
}

/** The data rows of a file whose header was read: the good rows, or every problem. */
class DataRows {
  private readonly errors: ErrorList;
  private readonly read: RowReader;
  private readonly memory: FileMemory = { areaMonths: new Map(), areaNames: new Map() };
  private readonly rows: MetricsCsvRow[] = [];
  private count = 0;

  constructor(
    private readonly columns: readonly (MetricsCsvColumn | undefined)[],
    private readonly warnings: FieldError[],
    options: ParseOptions,
  ) {
    this.errors = new ErrorList(options.maxReported);
    this.read = new RowReader(METRICS_CSV_COLUMNS.map((column) => columns.indexOf(column)), this.errors, options.latestMonth);
  }

  /** Reads one record; a result when the file is refused whatever follows (over the row limit). */
  add(record: CsvRecord): MetricsCsvResult | undefined {
    if (++this.count > MAX_IMPORT_ROWS) {
      const limit = MAX_IMPORT_ROWS.toLocaleString('en-US');
      return unparseable(`The file has more than ${limit} data rows; split it into smaller imports.`, [
        { row: record.line, path: '', message: `an import may hold at most ${limit} data rows` },
      ]);
    }
    const row = readRow(record, this.columns.length, this.read, this.memory, this.errors);
    // Once a row fails, the file will be rejected, so the good rows need not be kept.
    if (row !== undefined && this.errors.total === 0) this.rows.push(row);
    return undefined;
  }

  result(): MetricsCsvResult {
    if (this.errors.total > 0) {
      return {
        ok: false,
        kind: 'invalid',
        detail: `The file breaks the import rules: ${this.errors.summary()}`,
        errors: this.errors.reported,
      };
    }
    return { ok: true, rows: this.rows, warnings: this.warnings };
  }
}

/** `columns` is null when the quoting broke before the header could be read. */
function syntaxProblem(
  text: string,
  error: unknown,
  columns: readonly (MetricsCsvColumn | undefined)[] | null,
): MetricsCsvResult {
  if (!(error instanceof CsvSyntaxError)) throw error;
  if (columns === null) {
    // A semicolon file with quoted names ("a";"b") breaks the quoting before the header can be
    // read; the separator is the real problem.
    const headerLine = text.split(/\r\n|\r|\n/, error.recordLine)[error.recordLine - 1] ?? '';
    const separator = headerLine.includes(',') ? undefined : foreignSeparator([headerLine]);
    if (separator !== undefined) return separatorProblem(separator, error.recordLine);
  }
  const column = columns?.[error.fieldIndex];
  return unparseable(`The file is not valid CSV: ${error.message}.`, [
    {
      row: error.line,
      ...(column === undefined ? {} : { column }),
      path: columns === null ? 'header' : '',
      message: error.message,
    },
  ]);
}
