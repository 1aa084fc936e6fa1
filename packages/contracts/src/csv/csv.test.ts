import { seededRandom } from '@autonomy/domain';
import { describe, expect, it } from 'vitest';
import { MAX_COUNT_FIGURE, MAX_DECIMAL_FIGURE } from '../area-month.ts';
import {
  formatMetricsCsv,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_ERRORS,
  METRICS_CSV_COLUMNS,
  parseMetricsCsv,
  type MetricsCsvColumn,
  type MetricsCsvResult,
  type MetricsCsvRow,
} from './index.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

type RawRow = Record<MetricsCsvColumn, string>;

const HEADER = METRICS_CSV_COLUMNS.join(',');

/** One valid row as it is written in a file… */
const VALID: RawRow = {
  area_slug: 'payments',
  area_name: 'Payments',
  month: '2024-09',
  revenue_target: '1200000',
  revenue_actual: '1150000.5',
  marketing_dedicated_fte: '3',
  marketing_shared_fte: '1.5',
  sales_dedicated_fte: '4',
  sales_shared_fte: '0.75',
  hires_total: '5',
  hires_lead_owned: '4',
  decisions_total: '12',
  decisions_central: '3',
  shared_service_dependencies: '2',
  mandatory_processes: '6',
  approval_latency_days: '2.5',
  target_owner: 'area',
};

/** …and as it is read. */
const VALID_ROW: MetricsCsvRow = {
  areaSlug: 'payments',
  areaName: 'Payments',
  month: '2024-09',
  revenueTarget: 1_200_000,
  revenueActual: 1_150_000.5,
  marketingDedicatedFte: 3,
  marketingSharedFte: 1.5,
  salesDedicatedFte: 4,
  salesSharedFte: 0.75,
  hiresTotal: 5,
  hiresLeadOwned: 4,
  decisionsTotal: 12,
  decisionsCentral: 3,
  sharedServiceDependencies: 2,
  mandatoryProcesses: 6,
  approvalLatencyDays: 2.5,
  targetOwner: 'area',
  line: 2,
};

/** A data line: the valid row with some values replaced (written as they appear in the file). */
function dataLine(overrides: Partial<RawRow> = {}): string {
  return METRICS_CSV_COLUMNS.map((column) => overrides[column] ?? VALID[column]).join(',');
}

/** A whole file: the header, then the given lines, LF line ends and a final newline. */
function file(...lines: string[]): string {
  return `${[HEADER, ...lines].join('\n')}\n`;
}

function rowsOf(result: MetricsCsvResult): MetricsCsvRow[] {
  if (!result.ok) throw new Error(`expected rows, got ${result.kind}: ${JSON.stringify(result.errors)}`);
  return result.rows;
}

function failureOf(result: MetricsCsvResult, kind: 'unparseable' | 'invalid') {
  if (result.ok) throw new Error(`expected ${kind}, got ${result.rows.length} rows`);
  expect(result.kind).toBe(kind);
  return result;
}

const DECIMAL_COLUMNS = [
  ['revenue_target', 'revenueTarget'],
  ['revenue_actual', 'revenueActual'],
  ['marketing_dedicated_fte', 'marketingDedicatedFte'],
  ['marketing_shared_fte', 'marketingSharedFte'],
  ['sales_dedicated_fte', 'salesDedicatedFte'],
  ['sales_shared_fte', 'salesSharedFte'],
  ['approval_latency_days', 'approvalLatencyDays'],
] as const;

const COUNT_COLUMNS = [
  ['hires_total', 'hiresTotal'],
  ['hires_lead_owned', 'hiresLeadOwned'],
  ['decisions_total', 'decisionsTotal'],
  ['decisions_central', 'decisionsCentral'],
  ['shared_service_dependencies', 'sharedServiceDependencies'],
  ['mandatory_processes', 'mandatoryProcesses'],
] as const;


function withoutLine({ line: _line, ...row }: MetricsCsvRow): Omit<MetricsCsvRow, 'line'> {
  return row;
}

// ---------------------------------------------------------------------------------------------

describe('parseMetricsCsv: a valid file', () => {
  it('reads every column into a typed row that knows its file line', () => {
    expect(parseMetricsCsv(file(dataLine()))).toEqual({ ok: true, rows: [VALID_ROW], warnings: [] });
  });

  it('numbers rows by file line, the header being line 1', () => {
    const rows = rowsOf(
      parseMetricsCsv(
        file(
          dataLine(),
          dataLine({ month: '2024-10', revenue_actual: '990000' }),
          dataLine({ area_slug: 'search', area_name: 'Search', target_owner: 'central' }),
        ),
      ),
    );
    expect(rows).toEqual([
      VALID_ROW,
      { ...VALID_ROW, month: '2024-10', revenueActual: 990_000, line: 3 },
      { ...VALID_ROW, areaSlug: 'search', areaName: 'Search', targetOwner: 'central', line: 4 },
    ]);
  });

  it('accepts the columns in any order, with spaces around the header names', () => {
    const reversed = [...METRICS_CSV_COLUMNS].reverse();
    const text = `${reversed.map((column) => `  ${column} `).join(',')}\n${reversed
      .map((column) => VALID[column])
      .join(',')}\n`;
    expect(rowsOf(parseMetricsCsv(text))).toEqual([VALID_ROW]);
  });

  it('accepts quoted header names', () => {
    const text = `${METRICS_CSV_COLUMNS.map((column) => `"${column}"`).join(',')}\n${dataLine()}\n`;
    expect(rowsOf(parseMetricsCsv(text))).toEqual([VALID_ROW]);
  });

  it('returns no rows for a file that has only the header', () => {
    expect(parseMetricsCsv(`${HEADER}\n`)).toEqual({ ok: true, rows: [], warnings: [] });
    expect(parseMetricsCsv(HEADER)).toEqual({ ok: true, rows: [], warnings: [] });
  });

  it.each([
    ['12', 12],
    ['12.5', 12.5],
    ['0.75', 0.75],
    ['0', 0],
    ['0.0', 0],
    ['007', 7],
    [' 42 ', 42],
    ['"1500.25"', 1500.25],
    ['0.1', 0.1],
    ['1250000.5', 1_250_000.5],
    ['12345678901234.5678', 12_345_678_901_234.5678],
    ['99999999999999', MAX_DECIMAL_FIGURE],
    ['1.50000', 1.5],
    ['0.0001', 0.0001],
  ])('reads the plain decimal %j as %d in every money, FTE and latency column', (raw, value) => {
    for (const [column, path] of DECIMAL_COLUMNS) {
      const [row] = rowsOf(parseMetricsCsv(file(dataLine({ [column]: raw }))));
      expect(row?.[path]).toBe(value);
    }
  });

  it('reads decimals to exactly the number Number() gives for the same digits', () => {
    const random = seededRandom(7);
    const written: string[] = [];
    for (let index = 0; index < 2000; index++) {
      const whole = String(Math.floor(random() * 10 ** Math.floor(random() * 12)));
      // At most four significant decimals (what is stored), written with up to 12 digits.
      const fraction = String(Math.floor(random() * 10 ** Math.floor(random() * 5)))
        .padStart(Math.floor(random() * 5), '0')
        .padEnd(Math.floor(random() * 12), '0');
      written.push(fraction === '' || random() < 0.2 ? whole : `${whole}.${fraction}`);
    }
    const rows = rowsOf(
      parseMetricsCsv(
        file(...written.map((raw, index) => dataLine({ area_slug: `area-${index}`, revenue_target: raw }))),
      ),
    );
    expect(rows.map((row) => row.revenueTarget)).toEqual(written.map(Number));
  });

  it.each([
    ['0', 0],
    ['12', 12],
    [' 3 ', 3],
    ['2147483647', MAX_COUNT_FIGURE],
  ])('reads the whole number %j as %d in every count column', (raw, value) => {
    for (const [column, path] of COUNT_COLUMNS) {
      // Owned hires and central decisions may not exceed their totals, so the pair moves together.
      const pair = column.startsWith('hires')
        ? { hires_total: raw, hires_lead_owned: raw }
        : column.startsWith('decisions')
          ? { decisions_total: raw, decisions_central: raw }
          : {};
      const [row] = rowsOf(parseMetricsCsv(file(dataLine({ ...pair, [column]: raw }))));
      expect(row?.[path]).toBe(value);
    }
  });

  it.each(['area', 'central', ' central '])('reads the target owner %j', (raw) => {
    const [row] = rowsOf(parseMetricsCsv(file(dataLine({ target_owner: raw }))));
    expect(row?.targetOwner).toBe(raw.trim());
  });

  it.each(['ab', 'a-1', 'x'.repeat(64), '2024-growth'])('accepts the slug %j', (slug) => {
    expect(rowsOf(parseMetricsCsv(file(dataLine({ area_slug: slug }))))[0]?.areaSlug).toBe(slug);
  });

  it('trims the area name and accepts 200 characters', () => {
    const long = 'N'.repeat(200);
    const rows = rowsOf(
      parseMetricsCsv(
        file(dataLine({ area_name: '  Payments  ' }), dataLine({ area_slug: 'long', area_name: long })),
      ),
    );
    expect(rows.map((row) => row.areaName)).toEqual(['Payments', long]);
  });

  it('allows one slug in many months and many slugs in one month', () => {
    const rows = rowsOf(
      parseMetricsCsv(
        file(
          dataLine(),
          dataLine({ month: '2024-10' }),
          dataLine({ area_slug: 'search', area_name: 'Search' }),
        ),
      ),
    );
    expect(rows.map((row) => `${row.areaSlug} ${row.month}`)).toEqual([
      'payments 2024-09',
      'payments 2024-10',
      'search 2024-09',
    ]);
  });

  it('accepts owned hires equal to all hires and central decisions equal to all decisions', () => {
    const [row] = rowsOf(
      parseMetricsCsv(
        file(
          dataLine({ hires_total: '3', hires_lead_owned: '3', decisions_total: '0', decisions_central: '0' }),
        ),
      ),
    );
    expect(row).toMatchObject({ hiresTotal: 3, hiresLeadOwned: 3, decisionsTotal: 0, decisionsCentral: 0 });
  });
});

describe('parseMetricsCsv: line ends, byte order mark and blank lines', () => {
  const two = [dataLine(), dataLine({ month: '2024-10' })];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['a lone CR', '\r'],
  ])('reads %s line ends', (_name, end) => {
    const rows = rowsOf(parseMetricsCsv([HEADER, ...two].join(end) + end));
    expect(rows.map((row) => [row.line, row.month])).toEqual([
      [2, '2024-09'],
      [3, '2024-10'],
    ]);
  });

  it('reads a file without a final newline', () => {
    expect(rowsOf(parseMetricsCsv([HEADER, ...two].join('\n'))).map((row) => row.line)).toEqual([2, 3]);
  });

  it('ignores a UTF-8 byte order mark before the header', () => {
    expect(parseMetricsCsv(`\uFEFF${file(dataLine())}`)).toEqual({ ok: true, rows: [VALID_ROW], warnings: [] });
    expect(parseMetricsCsv(`\uFEFF${[HEADER, dataLine()].join('\r\n')}\r\n`)).toEqual({
      ok: true,
      rows: [VALID_ROW],
      warnings: [],
    });
    // A quote right after the mark is only an opening quote if the mark is not part of the value.
    const quotedHeader = METRICS_CSV_COLUMNS.map((column) => `"${column}"`).join(',');
    expect(parseMetricsCsv(`\uFEFF${quotedHeader}\n${dataLine()}\n`)).toEqual({ ok: true, rows: [VALID_ROW], warnings: [] });
  });

  it('skips blank lines but still counts them, so lines match the file', () => {
    const text = [HEADER, '', dataLine(), '   ', '', dataLine({ month: '2024-10' }), '', ''].join('\n');
    expect(rowsOf(parseMetricsCsv(text)).map((row) => row.line)).toEqual([3, 6]);
  });

  it('skips blank lines before the header and reports header problems on its real line', () => {
    expect(rowsOf(parseMetricsCsv(`\n\r\n${HEADER}\n${dataLine()}\n`))).toEqual([{ ...VALID_ROW, line: 4 }]);
    const result = failureOf(parseMetricsCsv(`\n\n${HEADER.replace('month', 'period')}\n`), 'unparseable');
    expect(result.errors.map((error) => error.row)).toEqual([3]);
  });

  it('skips the all-comma lines spreadsheets leave below the data', () => {
    const text = file(dataLine(), ',,,,,,,,,,,,,,,,', ' , ,');
    expect(rowsOf(parseMetricsCsv(text))).toEqual([VALID_ROW]);
  });
});

describe('parseMetricsCsv: quoted values', () => {
  it('keeps commas inside quotes', () => {
    const [row] = rowsOf(parseMetricsCsv(file(dataLine({ area_name: '"Payments, EU"' }))));
    expect(row?.areaName).toBe('Payments, EU');
  });

  it('reads a doubled quote as one quote', () => {
    const [row] = rowsOf(parseMetricsCsv(file(dataLine({ area_name: '"The ""Core"" team"' }))));
    expect(row?.areaName).toBe('The "Core" team');
  });

  it('reads a quoted empty value as empty', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ revenue_target: '""' }))), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'revenue_target',
        path: 'revenueTarget',
        message: 'revenue_target must be a number ≥ 0, got an empty value',
      },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('keeps a %s newline inside quotes and counts it for the lines after', (_name, end) => {
    const text = [
      HEADER,
      dataLine({ area_name: `"Payments${end}Europe"` }),
      dataLine({ month: '2024-10', area_name: `"Payments${end}Europe"` }),
      dataLine({ month: '2024-11', area_name: `"Payments${end}Europe"`, revenue_target: '-5' }),
    ].join(end);
    const result = failureOf(parseMetricsCsv(text), 'invalid');
    // Rows start on lines 2, 4 and 6; the broken one is the third.
    expect(result.errors).toEqual([
      {
        row: 6,
        column: 'revenue_target',
        path: 'revenueTarget',
        message: 'revenue_target must be a number ≥ 0, got "-5" (figures are never negative)',
      },
    ]);
    const rows = rowsOf(parseMetricsCsv(text.replace('-5', '5')));
    expect(rows.map((row) => [row.line, row.areaName])).toEqual([
      [2, `Payments${end}Europe`],
      [4, `Payments${end}Europe`],
      [6, `Payments${end}Europe`],
    ]);
  });
});

describe('parseMetricsCsv: files that cannot be read (unparseable, 400)', () => {
  it.each([
    ['an empty file', ''],
    ['a byte order mark alone', '\uFEFF'],
    ['blank lines only', '\n \r\n\n'],
  ])('refuses %s', (_name, text) => {
    const result = failureOf(parseMetricsCsv(text), 'unparseable');
    expect(result.detail).toBe('The file is empty; it must start with a header row naming the columns.');
    expect(result.errors).toEqual([{ row: 1, path: 'header', message: 'the file is empty' }]);
  });

  it('refuses a quote that is never closed, naming the line it opens on', () => {
    const text = file(dataLine(), dataLine({ month: '2024-10', area_name: '"Payments' }), dataLine());
    const result = failureOf(parseMetricsCsv(text), 'unparseable');
    const message = 'a value that opens with a quote (") on line 3 is never closed';
    expect(result.detail).toBe(`The file is not valid CSV: ${message}.`);
    expect(result.errors).toEqual([{ row: 3, column: 'area_name', path: '', message }]);
  });

  it('refuses a quote inside an unquoted value', () => {
    const text = file(dataLine(), dataLine({ month: '2024-10', area_name: 'Pay"ments' }));
    const result = failureOf(parseMetricsCsv(text), 'unparseable');
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'area_name',
        path: '',
        message:
          'line 3 has a quote (") inside a value; wrap the whole value in quotes and double each quote inside it ("")',
      },
    ]);
  });

  it('refuses a space before an opening quote, saying so', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ area_name: ' "Payments, EU"' }))), 'unparseable');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'area_name',
        path: '',
        message: 'line 2 has a space before an opening quote ("); a quoted value must start right after the comma',
      },
    ]);
  });

  it('refuses text after a closing quote, on the line where it stands', () => {
    const text = file(dataLine({ area_name: '"Pay\nments" EU' }));
    const result = failureOf(parseMetricsCsv(text), 'unparseable');
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'area_name',
        path: '',
        message:
          'line 3 has text after the closing quote of a value; a quoted value must end at the next comma or line end',
      },
    ]);
  });

  it('reports a quoting problem in the header as a header problem', () => {
    const result = failureOf(parseMetricsCsv(`area_"slug,${HEADER}\n`), 'unparseable');
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 1, path: 'header', message: expect.stringContaining('quote') }),
    ]);
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('says the file must be comma-separated when it is separated by %s', (name, separator) => {
    const text = [METRICS_CSV_COLUMNS.join(separator), Object.values(VALID).join(separator)].join('\n');
    const result = failureOf(parseMetricsCsv(text), 'unparseable');
    expect(result.detail).toBe(`The file must be comma-separated (,); its header row looks separated by ${name}.`);
    expect(result.errors).toEqual([
      {
        row: 1,
        path: 'header',
        message: `the file must be comma-separated, but its header looks separated by ${name}`,
      },
    ]);
  });

  it('recognises a semicolon file whose names are quoted', () => {
    const text = `${METRICS_CSV_COLUMNS.map((column) => `"${column}"`).join(';')}\n`;
    const result = failureOf(parseMetricsCsv(text), 'unparseable');
    expect(result.errors[0]?.message).toContain('must be comma-separated');
  });

  it('recognises a semicolon file whose values contain commas', () => {
    const text = `${METRICS_CSV_COLUMNS.join(';')}\npayments;"Payments, EU";2024-09\n`;
    expect(failureOf(parseMetricsCsv(text), 'unparseable').detail).toContain('semicolons');
  });

  it('names a missing column', () => {
    const header = METRICS_CSV_COLUMNS.filter((column) => column !== 'target_owner').join(',');
    const result = failureOf(parseMetricsCsv(`${header}\n`), 'unparseable');
    expect(result.detail).toBe('The header row does not match the import format (missing target_owner).');
    expect(result.errors).toEqual([
      { row: 1, column: 'target_owner', path: 'header', message: 'missing column "target_owner"' },
    ]);
  });

  it('names every missing column', () => {
    const result = failureOf(parseMetricsCsv('area_slug,month\n'), 'unparseable');
    expect(result.errors).toHaveLength(METRICS_CSV_COLUMNS.length - 2);
    expect(result.errors.map((error) => error.column)).toEqual(
      METRICS_CSV_COLUMNS.filter((column) => column !== 'area_slug' && column !== 'month'),
    );
    expect(result.detail).toContain('missing area_name, revenue_target,');
    expect(result.detail).toContain('and 5 more');
  });

  it('ignores columns that are not part of the format, wherever they are, and names each in a warning', () => {
    const header = `region,${HEADER},notes`;
    const result = parseMetricsCsv(`${header}\nEMEA,${dataLine()},"see Q3, call Ann"\n`);
    expect(result).toEqual({
      ok: true,
      rows: [VALID_ROW],
      warnings: [
        { row: 1, column: 'region', path: 'header', message: 'column "region" is not part of the import format; its values were ignored' },
        { row: 1, column: 'notes', path: 'header', message: 'column "notes" is not part of the import format; its values were ignored' },
      ],
    });
  });

  it.each([
    ['Title Case with spaces', (column: string) => column.split('_').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ')],
    ['upper case', (column: string) => column.toUpperCase()],
    ['camelCase', (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())],
    ['padded, with a BOM on the first', (column: string) => (column === 'area_slug' ? '\uFEFF area_slug ' : ` ${column} `)],
  ])('reads a header written in %s', (_name, rename) => {
    const header = METRICS_CSV_COLUMNS.map(rename).join(',');
    expect(parseMetricsCsv(`${header}\n${dataLine()}\n`)).toEqual({ ok: true, rows: [VALID_ROW], warnings: [] });
  });

  it('names the columns it could not place when one is missing: the likeliest misspelling', () => {
    const result = failureOf(parseMetricsCsv(`${HEADER.replace('area_slug', 'area slugs')}\n`), 'unparseable');
    expect(result.detail).toBe('The header row does not match the import format (missing area_slug; not part of the format: area slugs).');
    expect(result.errors).toEqual([{ row: 1, column: 'area_slug', path: 'header', message: 'missing column "area_slug"' }]);
  });

  it('names a repeated column', () => {
    const result = failureOf(parseMetricsCsv(`${HEADER},month\n`), 'unparseable');
    expect(result.detail).toBe('The header row does not match the import format (repeated month).');
    expect(result.errors).toEqual([
      { row: 1, column: 'month', path: 'header', message: 'column "month" appears more than once in the header' },
    ]);
  });

  it('ignores a column without a name, such as a trailing comma in the header, and says so', () => {
    const result = parseMetricsCsv(`${HEADER},\n${dataLine()},\n`);
    expect(result).toEqual({
      ok: true,
      rows: [VALID_ROW],
      warnings: [{ row: 1, path: 'header', message: 'column 18 has no name; its values were ignored' }],
    });
  });

  it('reports missing, misspelt and repeated columns together', () => {
    const header = HEADER.replace('revenue_actual', 'revenue').replace('target_owner', 'month');
    const result = failureOf(parseMetricsCsv(`${header}\n`), 'unparseable');
    expect(result.detail).toBe(
      'The header row does not match the import format ' +
        '(missing revenue_actual, target_owner; repeated month; not part of the format: revenue).',
    );
    expect(result.errors.map((error) => error.message)).toEqual([
      'column "month" appears more than once in the header',
      'missing column "revenue_actual"',
      'missing column "target_owner"',
    ]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} data rows, and accepts exactly that many`, () => {
    const lines: string[] = [HEADER];
    for (let index = 0; index < MAX_IMPORT_ROWS; index++) {
      const months = index % 1200;
      const month = `${1950 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
      lines.push(`a-${Math.floor(index / 1200)},A,${month},1,1,1,1,1,1,1,1,1,1,1,1,1,area`);
    }
    const atLimit = parseMetricsCsv(`${lines.join('\n')}\n`);
    expect(atLimit.ok && atLimit.rows.length).toBe(MAX_IMPORT_ROWS);

    lines.push(`over,Over,2024-01,1,1,1,1,1,1,1,1,1,1,1,1,1,area`);
    const result = failureOf(parseMetricsCsv(`${lines.join('\n')}\n`), 'unparseable');
    expect(result.detail).toBe('The file has more than 100,000 data rows; split it into smaller imports.');
    expect(result.errors).toEqual([
      { row: MAX_IMPORT_ROWS + 2, path: '', message: 'an import may hold at most 100,000 data rows' },
    ]);
  });
});

describe('parseMetricsCsv: rows that break the rules (invalid, 422)', () => {
  it.each([
    ['too few', dataLine().split(',').slice(0, -1).join(','), 16],
    ['too many', `${dataLine()},extra`, 18],
  ])('refuses a row with %s values', (_name, line, count) => {
    const result = failureOf(parseMetricsCsv(file(dataLine(), line)), 'invalid');
    expect(result.errors).toEqual([
      { row: 3, path: '', message: `this row has ${count} values, but the header has 17 columns` },
    ]);
  });

  const badDecimals: [written: string, shown: string][] = [
    ['-1', '"-1" (figures are never negative)'],
    ['1e3', '"1e3"'],
    ['1E3', '"1E3"'],
    ['NaN', '"NaN"'],
    ['Infinity', '"Infinity"'],
    ['+5', '"+5"'],
    ['12.', '"12."'],
    ['.5', '".5"'],
    ['0x10', '"0x10"'],
    ['12 500', '"12 500" (no thousands separators: write 12500)'],
    ['45%', '"45%" (write the number itself, without %: shares are worked out from the FTE and counts)'],
    ['€12', '"€12"'],
    ['twelve', '"twelve"'],
    ['1.2.3', '"1.2.3"'],
  ];
  const decimalCases = DECIMAL_COLUMNS.flatMap(([column, path]) =>
    badDecimals.map(([written, shown]) => [column, path, written, shown] as const),
  );

  it.each(decimalCases)('refuses %s = %j', (column, path, written, shown) => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ [column]: written }))), 'invalid');
    expect(result.errors).toEqual([
      { row: 2, column, path, message: `${column} must be a number ≥ 0, got ${shown}` },
    ]);
    expect(result.detail).toBe('The file breaks the import rules: 1 problem.');
  });

  it.each(DECIMAL_COLUMNS)('refuses an empty %s', (column, path) => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ [column]: ' ' }))), 'invalid');
    expect(result.errors).toEqual([
      { row: 2, column, path, message: `${column} must be a number ≥ 0, got an empty value` },
    ]);
  });

  it.each([
    ['"1,000"', '(no thousands separators: write 1000)'],
    ['"1,250,000.50"', '(no thousands separators: write 1250000.50)'],
    [`"1'250'000"`, '(no thousands separators: write 1250000)'],
    ['"12,5"', '(use a dot for decimals: 12.5)'],
  ])('refuses %s and suggests how to write it', (written, hint) => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ revenue_target: written }))), 'invalid');
    expect(result.errors[0]?.message).toBe(`revenue_target must be a number ≥ 0, got ${written} ${hint}`);
  });

  it('refuses a number too large to hold', () => {
    const huge = `1${'0'.repeat(400)}`;
    const result = failureOf(parseMetricsCsv(file(dataLine({ revenue_target: huge }))), 'invalid');
    expect(result.errors[0]?.message).toBe(
      `revenue_target is too large (at most 99,999,999,999,999), got "1${'0'.repeat(56)}..."`,
    );
  });

  it.each(['0.00001', '12.34567', '0.00000001', '1.00001 ', '3.40000001'])(
    'refuses %j in every money, FTE and latency column: a fifth decimal would be rounded away',
    (written) => {
      for (const [column] of DECIMAL_COLUMNS) {
        const result = failureOf(parseMetricsCsv(file(dataLine({ [column]: written }))), 'invalid');
        expect(result.errors[0]?.message).toBe(`${column} must have at most 4 decimal places, got "${written}"`);
      }
    },
  );

  it('refuses money, FTE and days the database cannot store (10^14 and more)', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ revenue_target: '100000000000000' }))), 'invalid');
    expect(result.errors[0]?.message).toBe(
      'revenue_target is too large (at most 99,999,999,999,999), got "100000000000000"',
    );
  });

  const badCounts: [written: string, shown: string][] = [
    ['1.5', '"1.5"'],
    ['2.0001', '"2.0001"'],
    ['-1', '"-1" (figures are never negative)'],
    ['1e2', '"1e2"'],
    ['+3', '"+3"'],
    ['three', '"three"'],
  ];
  const countCases = COUNT_COLUMNS.flatMap(([column, path]) =>
    badCounts.map(([written, shown]) => [column, path, written, shown] as const),
  );

  it.each(countCases)('refuses %s = %j', (column, path, written, shown) => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ [column]: written }))), 'invalid');
    expect(result.errors).toEqual([
      { row: 2, column, path, message: `${column} must be a whole number ≥ 0, got ${shown}` },
    ]);
  });

  it.each(COUNT_COLUMNS)('refuses an empty %s', (column, path) => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ [column]: '' }))), 'invalid');
    expect(result.errors).toEqual([
      { row: 2, column, path, message: `${column} must be a whole number ≥ 0, got an empty value` },
    ]);
  });

  it('refuses a count beyond what can be held exactly', () => {
    const text = file(dataLine({ mandatory_processes: '9007199254740993' }));
    const result = failureOf(parseMetricsCsv(text), 'invalid');
    expect(result.errors[0]?.message).toBe(
      'mandatory_processes is too large (at most 2,147,483,647), got "9007199254740993"',
    );
  });

  it('refuses a count the database cannot store (above 2,147,483,647)', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ mandatory_processes: '2147483648' }))), 'invalid');
    expect(result.errors[0]?.message).toBe(
      'mandatory_processes is too large (at most 2,147,483,647), got "2147483648"',
    );
  });

  it.each(['centrally', 'both', 'areas', ''])('refuses target_owner = %j', (written) => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ target_owner: written }))), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'target_owner',
        path: 'targetOwner',
        message: `target_owner must be "area" or "central", got ${JSON.stringify(written)}`,
      },
    ]);
  });

  it.each(['2024-13', '2024-00', '2024-1', '24-09', '2024.09', '09/24', '13/2024', 'Septem 2024', 'Sep-2024-01', '2024-09-01T', '0000-01', '1899-12', 'Dec-1899'])(
    'refuses month = %j',
    (written) => {
      const result = failureOf(parseMetricsCsv(file(dataLine({ month: written }))), 'invalid');
      expect(result.errors).toEqual([
        {
          row: 2,
          column: 'month',
          path: 'month',
          message: `month must be a month written YYYY-MM (2026-11), or 2026-11-01, Nov-26, Nov 2026 or 11/2026, from 1900-01 on; got ${JSON.stringify(written)}`,
        },
      ]);
    },
  );

  it('refuses a month after the current one, when told which that is, and takes the current month itself', () => {
    const text = file(dataLine({ month: '2026-12' }), dataLine({ month: '2027-01' }));
    const result = failureOf(parseMetricsCsv(text, { latestMonth: '2026-12' }), 'invalid');
    expect(result.errors).toEqual([
      { row: 3, column: 'month', path: 'month', message: 'month 2027-01 has not begun: figures go up to 2026-12, the current month' },
    ]);
    expect(parseMetricsCsv(file(dataLine({ month: '2026-12' })), { latestMonth: '2026-12' }).ok).toBe(true);
    expect(parseMetricsCsv(file(dataLine({ month: '2031-01' }))).ok).toBe(true);
  });

  it.each(['a', 'Payments', 'pay_ments', 'pay ments', 'x'.repeat(65), 'paiements-é'])(
    'refuses area_slug = %j',
    (written) => {
      const result = failureOf(parseMetricsCsv(file(dataLine({ area_slug: written }))), 'invalid');
      const shown = JSON.stringify(written.length > 60 ? `${written.slice(0, 57)}...` : written);
      expect(result.errors).toEqual([
        {
          row: 2,
          column: 'area_slug',
          path: 'areaSlug',
          message: `area_slug must be 2–64 characters of a–z, 0–9 and -, got ${shown}`,
        },
      ]);
    },
  );

  it.each([
    ['month', 'month', 'month must not be empty'],
    ['area_slug', 'areaSlug', 'area_slug must not be empty'],
    ['area_name', 'areaName', 'area_name must not be empty'],
  ] as const)('refuses an empty %s', (column, path, message) => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ [column]: '  ' }))), 'invalid');
    expect(result.errors).toEqual([{ row: 2, column, path, message }]);
  });

  it('refuses an area name longer than 200 characters', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ area_name: 'N'.repeat(201) }))), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'area_name',
        path: 'areaName',
        message: 'area_name must be at most 200 characters, but it has 201',
      },
    ]);
  });

  it('refuses an area name with the NUL character, which the database cannot store', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ area_name: 'Pay\u0000ments' }))), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'area_name',
        path: 'areaName',
        message: 'area_name must not contain the NUL character (\\u0000)',
      },
    ]);
  });

  it('refuses an area name with a lone UTF-16 surrogate, which no UTF-8 text can hold', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ area_name: 'Pay\ud800ments' }))), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'area_name',
        path: 'areaName',
        message: 'area_name must be well-formed Unicode text (it has a lone UTF-16 surrogate)',
      },
    ]);
  });

  it('refuses more hires owned by the lead than hires', () => {
    const line = dataLine({ hires_total: '5', hires_lead_owned: '7' });
    const result = failureOf(parseMetricsCsv(file(line)), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'hires_lead_owned',
        path: 'hiresLeadOwned',
        message: 'hires_lead_owned must not exceed hires_total (hires_lead_owned is 7, hires_total is 5)',
      },
    ]);
  });

  it('refuses more central decisions than decisions', () => {
    const line = dataLine({ decisions_total: '0', decisions_central: '1' });
    const result = failureOf(parseMetricsCsv(file(line)), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'decisions_central',
        path: 'decisionsCentral',
        message: 'decisions_central must not exceed decisions_total (decisions_central is 1, decisions_total is 0)',
      },
    ]);
  });

  it('does not compare counts when one of them could not be read', () => {
    const line = dataLine({ hires_total: 'five', hires_lead_owned: '7' });
    const result = failureOf(parseMetricsCsv(file(line)), 'invalid');
    expect(result.errors.map((error) => error.column)).toEqual(['hires_total']);
  });

  it('refuses the same area and month twice, on the later line, naming the earlier one', () => {
    const text = file(dataLine(), dataLine({ month: '2024-10' }), dataLine({ revenue_actual: '1' }));
    const result = failureOf(parseMetricsCsv(text), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 4,
        path: '',
        message: 'payments 2024-09 already appears on line 2; each area and month may appear only once',
      },
    ]);
  });

  it('sees a repeated area and month through spaces and quotes', () => {
    const text = file(dataLine(), dataLine({ area_slug: '"payments"', month: ' 2024-09 ' }));
    expect(failureOf(parseMetricsCsv(text), 'invalid').errors[0]?.message).toContain('already appears on line 2');
  });

  it('refuses one slug with two names, on the later line', () => {
    const text = file(
      dataLine(),
      dataLine({ month: '2024-10', area_name: 'Payments' }),
      dataLine({ month: '2024-11', area_name: 'Payments Team' }),
    );
    const result = failureOf(parseMetricsCsv(text), 'invalid');
    expect(result.errors).toEqual([
      {
        row: 4,
        column: 'area_name',
        path: 'areaName',
        message: 'area_name "Payments Team" differs from "Payments" given for payments on line 2; an area has one name',
      },
    ]);
  });

  it('reports every problem in the file, in file order, and no rows', () => {
    const text = file(
      dataLine({ revenue_target: '-5', target_owner: 'both' }),
      dataLine({ month: '2024-10' }),
      dataLine({ month: '2024-11', hires_lead_owned: '9' }),
      'payments,Payments',
      dataLine({ month: '2024-10' }),
    );
    const result = failureOf(parseMetricsCsv(text), 'invalid');
    expect(result.errors.map((error) => [error.row, error.column ?? '', error.path])).toEqual([
      [2, 'revenue_target', 'revenueTarget'],
      [2, 'target_owner', 'targetOwner'],
      [4, 'hires_lead_owned', 'hiresLeadOwned'],
      [5, '', ''],
      [6, '', ''],
    ]);
    expect(result.detail).toBe('The file breaks the import rules: 5 problems.');
  });

  it(`lists at most ${MAX_REPORTED_ERRORS} problems and says how many there were`, () => {
    const lines = Array.from({ length: 600 }, (_, index) =>
      dataLine({ area_slug: `area-${index}`, revenue_target: 'x' }),
    );
    const result = failureOf(parseMetricsCsv(file(...lines)), 'invalid');
    expect(result.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(result.errors.at(-1)?.row).toBe(MAX_REPORTED_ERRORS + 1);
    expect(result.detail).toBe('The file breaks the import rules: 600 problems. The first 500 are listed.');
  });

  it('echoes a long bad value shortened', () => {
    const result = failureOf(parseMetricsCsv(file(dataLine({ month: 'x'.repeat(1000) }))), 'invalid');
    expect(result.errors[0]?.message).toBe(`month must be a month written YYYY-MM (2026-11), or 2026-11-01, Nov-26, Nov 2026 or 11/2026, from 1900-01 on; got "${'x'.repeat(57)}..."`);
  });

  it('gives every error a row, a path and a message, and a column whenever one applies', () => {
    const text = file(dataLine({ revenue_target: '-1' }), 'x,y', dataLine({ hires_lead_owned: '99' }));
    const result = failureOf(parseMetricsCsv(text), 'invalid');
    for (const error of result.errors) {
      expect(error.row).toBeGreaterThan(1);
      expect(error.message).not.toBe('');
      expect(error.path === '' || error.column !== undefined).toBe(true);
    }
  });
});

describe('formatMetricsCsv', () => {
  it('writes the header, then one line per row, each ending in a newline', () => {
    expect(formatMetricsCsv([withoutLine(VALID_ROW)])).toBe(`${HEADER}\n${dataLine()}\n`);
  });

  it('writes the header alone for no rows, and takes any iterable', () => {
    expect(formatMetricsCsv([])).toBe(`${HEADER}\n`);
    function* rows() {
      yield withoutLine(VALID_ROW);
      yield { ...withoutLine(VALID_ROW), month: '2024-10' };
    }
    expect(formatMetricsCsv(rows()).split('\n')).toHaveLength(4);
  });

  it.each([
    ['Payments', 'Payments'],
    ['Payments, EU', '"Payments, EU"'],
    ['The "Core" team', '"The ""Core"" team"'],
    ['Payments\nEurope', '"Payments\nEurope"'],
    ['Payments\r\nEurope', '"Payments\r\nEurope"'],
    ['Paiements ≥ Zahlungen', 'Paiements ≥ Zahlungen'],
  ])('writes the name %j as %s', (name, written) => {
    const text = formatMetricsCsv([{ ...withoutLine(VALID_ROW), areaName: name }]);
    expect(text).toBe(`${HEADER}\n${dataLine({ area_name: written })}\n`);
  });

  it.each([
    [12, '12'],
    [12.5, '12.5'],
    [0.75, '0.75'],
    [0, '0'],
    [1_250_000, '1250000'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.25e-10, '0.000000000125'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('writes the number %d as %s', (value, written) => {
    const text = formatMetricsCsv([{ ...withoutLine(VALID_ROW), revenueTarget: value }]);
    expect(text).toBe(`${HEADER}\n${dataLine({ revenue_target: written })}\n`);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses to write %d', (value) => {
    const row = { ...withoutLine(VALID_ROW), approvalLatencyDays: value };
    expect(() => formatMetricsCsv([row])).toThrow(RangeError);
  });
});

describe('round trip: what is written reads back the same', () => {
  it('reads back a messy file written again', () => {
    // Byte order mark, CRLF, a blank line, reversed and padded header, every value quoted,
    // a name with quotes, a comma, a line break and spaces to trim, and no final newline.
    const reversed = [...METRICS_CSV_COLUMNS].reverse();
    const quotedValues = (overrides: Partial<RawRow>) =>
      reversed.map((column) => `"${(overrides[column] ?? VALID[column]).replaceAll('"', '""')}"`).join(',');
    const name = ' The "Core"\r\nteam, EU ';
    const messy = [
      `\uFEFF${reversed.join(' , ')}`,
      '',
      quotedValues({ area_name: name }),
      quotedValues({ area_name: name, month: '2024-10' }),
    ].join('\r\n');

    const first = rowsOf(parseMetricsCsv(messy));
    expect(first.map((row) => [row.line, row.areaName, row.month])).toEqual([
      [3, 'The "Core"\r\nteam, EU', '2024-09'],
      [5, 'The "Core"\r\nteam, EU', '2024-10'],
    ]);
    const again = rowsOf(parseMetricsCsv(formatMetricsCsv(first)));
    expect(again.map(withoutLine)).toEqual(first.map(withoutLine));
    expect(again.map((row) => row.line)).toEqual([2, 4]);
  });

  it('reads back rows with awkward names and numbers', () => {
    const rows: Omit<MetricsCsvRow, 'line'>[] = [
      withoutLine(VALID_ROW),
      {
        ...withoutLine(VALID_ROW),
        areaSlug: 'core-platform',
        areaName: 'Core, "Platform"\nand tools',
        revenueTarget: 0,
        revenueActual: MAX_DECIMAL_FIGURE,
        marketingSharedFte: 0.0001,
        approvalLatencyDays: 12_345_678_901.2345,
        hiresTotal: MAX_COUNT_FIGURE,
        hiresLeadOwned: 0,
        targetOwner: 'central',
      },
      { ...withoutLine(VALID_ROW), month: '1999-12', areaName: 'Payments' },
    ];
    const back = rowsOf(parseMetricsCsv(formatMetricsCsv(rows)));
    expect(back.map(withoutLine)).toEqual(rows);
    expect(back.map((row) => row.line)).toEqual([2, 3, 5]);
  });

  it('reads back 500 generated rows, and writes them again identically', () => {
    const random = seededRandom(20_240_901);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const pieces = ['a', 'Z', ' ', ',', '"', '\n', '\r\n', '\r', 'é', '≥', '🚀', '0', '-', "'", ';', '\t'];
    const names = new Map<string, string>();
    const decimal = () =>
      pick([
        () => 0,
        () => Math.floor(random() * 1e7),
        () => Math.round(random() * 1e6) / 100,
        // Four decimals at most: what numeric(18,4) stores and the format accepts.
        () => Math.round(random() * 1e7) / 1e4,
        () => Math.round(random() * 10) / 1e4,
        () => Math.floor(random() * MAX_DECIMAL_FIGURE),
        () => Math.round(random() * 1e14) / 1e4,
      ])();
    const count = (atMost = 1e6) => Math.floor(random() * (atMost + 1));
    const rows: Omit<MetricsCsvRow, 'line'>[] = [];
    for (let index = 0; index < 500; index++) {
      const areaSlug = `area-${count(40)}`;
      if (!names.has(areaSlug)) {
        const name = Array.from({ length: 1 + count(30) }, () => pick(pieces)).join('').trim();
        names.set(areaSlug, name === '' ? areaSlug : name);
      }
      const hiresTotal = count(50);
      const decisionsTotal = count(50);
      rows.push({
        areaSlug,
        areaName: names.get(areaSlug) as string,
        month: `${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
        revenueTarget: decimal(),
        revenueActual: decimal(),
        marketingDedicatedFte: decimal(),
        marketingSharedFte: decimal(),
        salesDedicatedFte: decimal(),
        salesSharedFte: decimal(),
        hiresTotal,
        hiresLeadOwned: count(hiresTotal),
        decisionsTotal,
        decisionsCentral: count(decisionsTotal),
        sharedServiceDependencies: count(20),
        mandatoryProcesses: count(),
        approvalLatencyDays: decimal(),
        targetOwner: pick(['area', 'central'] as const),
      });
    }
    const written = formatMetricsCsv(rows);
    const back = rowsOf(parseMetricsCsv(written));
    expect(back.map(withoutLine)).toEqual(rows);
    expect(formatMetricsCsv(back)).toBe(written);
    expect(written).not.toMatch(/\de[+-]?\d/);
  });
});
