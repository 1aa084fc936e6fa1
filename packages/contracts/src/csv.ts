/**
 * The monthly-inputs CSV of the brief ("Monthly inputs (also the CSV import format)"): reading an
 * import into rows, or into errors that name the file line and column, and writing the export.
 * Pure on purpose: the API validates imports with it and the web app checks files before upload.
 */
import { createAreaSchema } from './area.ts';
import { checkFigureRules, type AreaMonthFigures } from './area-month.ts';
import { monthSchema, slugSchema } from './primitives.ts';
import type { FieldError } from './problem.ts';

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
  | { ok: true; rows: MetricsCsvRow[] }
  | {
      ok: false;
      /** `unparseable`: not CSV we can read (400). `invalid`: rows that break the rules (422). */
      kind: 'unparseable' | 'invalid';
      detail: string;
      errors: FieldError[];
    };

type RowField = keyof Omit<MetricsCsvRow, 'line'>;

/** Each column's field in a row and in the API (the brief: "the CSV columns, in camelCase"). */
const COLUMN_PATHS = {
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

const COLUMN_OF_PATH = new Map<string, MetricsCsvColumn>(
  METRICS_CSV_COLUMNS.map((column) => [COLUMN_PATHS[column], column]),
);
const columnOfPath = (path: string): string => COLUMN_OF_PATH.get(path) ?? path;
const KNOWN_COLUMNS = new Set<string>(METRICS_CSV_COLUMNS);

// ---------------------------------------------------------------------------------------------
// Reading records (RFC 4180)

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BYTE_ORDER_MARK = 0xfeff;

interface CsvRecord {
  /** The physical line the record starts on. */
  line: number;
  fields: string[];
}

class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    /** The record's line, which differs from `line` when a quoted value spans lines. */
    readonly recordLine: number,
    readonly fieldIndex: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads one record at a time so that a file over the row limit, or broken near its start, is
 * rejected without reading the rest. Lines are counted physically (CRLF, LF or a lone CR each end
 * one), including those inside quoted values, so errors point at the line an editor shows.
 */
class CsvRecordReader {
  private position: number;
  private line = 1;

  constructor(private readonly text: string) {
    this.position = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  }

  next(): CsvRecord | null {
    const text = this.text;
    const length = text.length;
    let i = this.position;
    if (i >= length) return null;
    const recordLine = this.line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = this.line;
        let value_ = '';
        let start = ++i;
        for (;;) {
          if (i >= length) {
            throw new CsvSyntaxError(
              openedOn,
              recordLine,
              fields.length,
              `a value that opens with a quote (") on line ${openedOn} is never closed`,
            );
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value_ += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            value_ += text.slice(start, i);
            i++;
            break;
          }
          if (c === CR) {
            this.line++;
            if (text.charCodeAt(i + 1) === LF) i++;
          } else if (c === LF) {
            this.line++;
          }
          i++;
        }
        const after = text.charCodeAt(i);
        if (i < length && after !== COMMA && after !== CR && after !== LF) {
          throw new CsvSyntaxError(
            this.line,
            recordLine,
            fields.length,
            `line ${this.line} has text after the closing quote of a value; ` +
              'a quoted value must end at the next comma or line end',
          );
        }
        value = value_;
      } else {
        const start = i;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) {
            // `a, "b"` is a common slip that strict CSV does not allow; name it precisely.
            const spaceBeforeQuote = text.slice(start, i).trim() === '';
            throw new CsvSyntaxError(
              this.line,
              recordLine,
              fields.length,
              spaceBeforeQuote
                ? `line ${this.line} has a space before an opening quote ("); ` +
                    'a quoted value must start right after the comma'
                : `line ${this.line} has a quote (") inside a value; wrap the whole value in quotes ` +
                    'and double each quote inside it ("")',
            );
          }
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      this.line++;
      break;
    }
    this.position = i;
    return { line: recordLine, fields };
  }
}

/** Blank lines, and the all-comma lines spreadsheets leave after the data, carry no figures. */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Errors

class ErrorList {
  readonly reported: FieldError[] = [];
  total = 0;

  add(error: FieldError): void {
    this.total++;
    if (this.reported.length < MAX_REPORTED_ERRORS) this.reported.push(error);
  }

  summary(): string {
    const listed =
      this.total > this.reported.length ? ` The first ${this.reported.length} are listed.` : '';
    return `${plural(this.total, 'problem')}.${listed}`;
  }
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** Echoes a value from the file without letting a pasted essay swamp the message. */
function quoted(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

function unparseable(detail: string, errors: FieldError[]): MetricsCsvResult {
  return { ok: false, kind: 'unparseable', detail, errors };
}

// ---------------------------------------------------------------------------------------------
// The header

type HeaderCheck =
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
function foreignSeparator(names: readonly string[]): (typeof SEPARATORS)[number] | undefined {
  return SEPARATORS.find(({ char }) =>
    names.some(
      (name) =>
        name.includes(char) &&
        (names.length === 1 || name.split(char).some((part) => KNOWN_COLUMNS.has(part.trim()))),
    ),
  );
}

function separatorProblem(separator: (typeof SEPARATORS)[number], line: number): MetricsCsvResult {
  const message = `the file must be comma-separated, but its header looks separated by ${separator.name}`;
  return unparseable(
    `The file must be comma-separated (,); its header row looks separated by ${separator.name}.`,
    [{ row: line, path: 'header', message }],
  );
}

function checkHeader(record: CsvRecord): HeaderCheck {
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

// ---------------------------------------------------------------------------------------------
// Values

class ValueProblem {
  constructor(readonly message: string) {}
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DOT = 0x2e;
const NOT_PLAIN = -1;
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => 10 ** power);

/**
 * The value of a plain decimal (digits, optionally a dot and more digits), or NOT_PLAIN.
 * Exponents, signs, separators and the words NaN and Infinity, which Number() accepts, are all
 * things a person did not mean to type into a figure. Written by hand because it runs on
 * every value of an import: with at most 15 digits, digits ÷ 10^k is a single correctly rounded
 * division of exact values, so it equals Number(text) without Number's general parser.
 */
function plainDecimalValue(text: string): number {
  const length = text.length;
  let mantissa = 0;
  let i = 0;
  for (let code: number; i < length && isDigit((code = text.charCodeAt(i))); i++) {
    mantissa = mantissa * 10 + (code - DIGIT_0);
  }
  if (i === 0) return NOT_PLAIN;
  if (i === length) return i <= EXACT_DIGITS ? mantissa : Number(text);
  if (text.charCodeAt(i) !== DOT) return NOT_PLAIN;
  const fractionStart = ++i;
  for (let code: number; i < length && isDigit((code = text.charCodeAt(i))); i++) {
    mantissa = mantissa * 10 + (code - DIGIT_0);
  }
  if (i !== length || i === fractionStart) return NOT_PLAIN;
  const fractionDigits = length - fractionStart;
  return length - 1 <= EXACT_DIGITS
    ? mantissa / (POWERS_OF_TEN[fractionDigits] as number)
    : Number(text);
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

function readDecimal(column: string, raw: string): number | ValueProblem {
  let value = plainDecimalValue(raw);
  if (value === NOT_PLAIN) {
    const text = raw.trim();
    if (text === '') return new ValueProblem(`${column} must be a number ≥ 0, got an empty value`);
    value = plainDecimalValue(text);
    if (value === NOT_PLAIN) {
      const hint = text.includes(',') ? ' (use a dot for decimals and no thousands separators)' : '';
      return new ValueProblem(`${column} must be a number ≥ 0, got ${quoted(raw)}${hint}`);
    }
  }
  if (!Number.isFinite(value)) return new ValueProblem(`${column} is too large, got ${quoted(raw)}`);
  return value;
}

function readCount(column: string, raw: string): number | ValueProblem {
  let value = plainDecimalValue(raw);
  let text = raw;
  if (value === NOT_PLAIN) {
    text = raw.trim();
    if (text === '') return new ValueProblem(`${column} must be a whole number ≥ 0, got an empty value`);
    value = plainDecimalValue(text);
  }
  // "12.0" is a whole number in value but not as written, and counts are written whole.
  if (value === NOT_PLAIN || text.includes('.')) {
    return new ValueProblem(`${column} must be a whole number ≥ 0, got ${quoted(raw)}`);
  }
  if (!Number.isSafeInteger(value)) return new ValueProblem(`${column} is too large, got ${quoted(raw)}`);
  return value;
}

function readOwner(column: string, raw: string): 'area' | 'central' | ValueProblem {
  const text = raw.trim();
  if (text === 'area' || text === 'central') return text;
  return new ValueProblem(`${column} must be "area" or "central", got ${quoted(raw)}`);
}

function readSlug(column: string, raw: string): string | ValueProblem {
  return readWithSchema(slugSchema, column, raw);
}

function readMonth(column: string, raw: string): string | ValueProblem {
  return readWithSchema(monthSchema, column, raw);
}

function readWithSchema(
  schema: typeof slugSchema | typeof monthSchema,
  column: string,
  raw: string,
): string | ValueProblem {
  const text = raw.trim();
  if (text === '') return new ValueProblem(`${column} must not be empty`);
  const parsed = schema.safeParse(text);
  if (parsed.success) return parsed.data;
  const rule = parsed.error.issues[0]?.message ?? 'is not valid';
  return new ValueProblem(`${column} ${rule}, got ${quoted(raw)}`);
}

const areaNameSchema = createAreaSchema.shape.name;

function readAreaName(column: string, raw: string): string | ValueProblem {
  const parsed = areaNameSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_big') {
    return new ValueProblem(
      `${column} must be at most ${String(issue.maximum)} characters, but it has ${raw.trim().length}`,
    );
  }
  return new ValueProblem(`${column} must not be empty`);
}

/** Slugs, names and months repeat on nearly every row, so each distinct text is checked once. */
function readRemembered(
  seen: Map<string, string | ValueProblem>,
  read: (column: string, raw: string) => string | ValueProblem,
  column: string,
  raw: string,
): string | ValueProblem {
  let result = seen.get(raw);
  if (result === undefined) {
    result = read(column, raw);
    seen.set(raw, result);
  }
  return result;
}

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
    return this.take(column, readRemembered(this.months, readMonth, column, this.raw(column)), '');
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

/**
 * Reads an import file. All rows or none: any broken rule makes the whole file `invalid`, with
 * every problem found (up to MAX_REPORTED_ERRORS listed), so one upload shows everything to fix.
 */
export function parseMetricsCsv(text: string): MetricsCsvResult {
  const reader = new CsvRecordReader(text);
  let header: CsvRecord | null;
  try {
    header = nextNonBlankRecord(reader);
  } catch (error) {
    return syntaxProblem(text, error, null);
  }
  if (header === null) {
    return unparseable('The file is empty; it must start with a header row naming the columns.', [
      { row: 1, path: 'header', message: 'the file is empty' },
    ]);
  }
  const separator = foreignSeparator(header.fields);
  if (separator !== undefined) return separatorProblem(separator, header.line);
  const check = checkHeader(header);
  if (!check.ok) return unparseable(check.detail, check.errors);
  try {
    return readDataRows(reader, check.columns);
  } catch (error) {
    return syntaxProblem(text, error, check.columns);
  }
}

function nextNonBlankRecord(reader: CsvRecordReader): CsvRecord | null {
  for (let record = reader.next(); record !== null; record = reader.next()) {
    if (!isBlank(record.fields)) return record;
  }
  return null;
}

function readDataRows(
  reader: CsvRecordReader,
  columns: readonly MetricsCsvColumn[],
): MetricsCsvResult {
  const errors = new ErrorList();
  const read = new RowReader(METRICS_CSV_COLUMNS.map((column) => columns.indexOf(column)), errors);
  const memory: FileMemory = { areaMonths: new Map(), areaNames: new Map() };
  const rows: MetricsCsvRow[] = [];
  let dataRows = 0;
  for (let record = nextNonBlankRecord(reader); record !== null; record = nextNonBlankRecord(reader)) {
    if (++dataRows > MAX_IMPORT_ROWS) {
      const limit = MAX_IMPORT_ROWS.toLocaleString('en-US');
      return unparseable(`The file has more than ${limit} data rows; split it into smaller imports.`, [
        { row: record.line, path: '', message: `an import may hold at most ${limit} data rows` },
      ]);
    }
    const row = readRow(record, columns.length, read, memory, errors);
    // Once a row fails, the file will be rejected, so the good rows need not be kept.
    if (row !== undefined && errors.total === 0) rows.push(row);
  }
  if (errors.total > 0) {
    return {
      ok: false,
      kind: 'invalid',
      detail: `The file breaks the import rules: ${errors.summary()}`,
      errors: errors.reported,
    };
  }
  return { ok: true, rows };
}

/** `columns` is null when the quoting broke before the header could be read. */
function syntaxProblem(
  text: string,
  error: unknown,
  columns: readonly MetricsCsvColumn[] | null,
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

// ---------------------------------------------------------------------------------------------
// Writing

function csvField(value: string): string {
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
