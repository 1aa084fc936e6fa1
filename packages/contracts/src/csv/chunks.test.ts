import { seededRandom } from '@autonomy/domain';
import { describe, expect, it } from 'vitest';
import { METRICS_CSV_COLUMNS, MetricsCsvParser, parseMetricsCsv } from './index.ts';

// An import is parsed as it streams in, a chunk at a time, and a chunk may end anywhere: inside a
// value, between a quote and the quote that escapes it, between the CR and LF of a line end.
// Whatever the cut, the answer must be the one for the whole file (which csv.test.ts pins down).

const HEADER = METRICS_CSV_COLUMNS.join(',');
const row = (slug: string, name: string, month: string, latency = '2.5') =>
  `${slug},${name},${month},1200000,1150000.5,3,1.5,4,0.75,5,4,12,3,2,6,${latency},area`;

const FILES: Record<string, string> = {
  'LF line ends': [HEADER, row('payments', 'Payments', '2024-09'), row('payments', 'Payments', '2024-10'), ''].join('\n'),
  'CRLF line ends, no final line end': [HEADER, row('payments', 'Payments', '2024-09'), row('search', 'Search', '2024-09')].join('\r\n'),
  'lone CR line ends': [HEADER, row('payments', 'Payments', '2024-09'), row('search', 'Search', '2024-09'), ''].join('\r'),
  'a byte order mark and blank lines': `\ufeff\n${HEADER}\n\n${row('payments', 'Payments', '2024-09')}\n,,,\n\n`,
  'quoted names with commas, quotes and line breaks': [
    HEADER,
    row('payments', '"Payments, ""EU""\r\nand UK"', '2024-09'),
    row('search', '"Search\nteam"', '2024-09'),
    '',
  ].join('\r\n'),
  'bad values on several rows': [HEADER, row('payments', 'Payments', '2024-13'), row('Bad Slug', 'X', '2024-09', 'soon'), ''].join('\n'),
  'a duplicate area month': [HEADER, row('payments', 'Payments', '2024-09'), row('payments', 'Payments', '2024-09'), ''].join('\n'),
  'a row with too few values': [HEADER, 'payments,Payments,2024-09', ''].join('\n'),
  'an unclosed quote': [HEADER, row('payments', '"Payments', '2024-09'), ''].join('\n'),
  'text after a closing quote': [HEADER, row('payments', '"Pay"ments', '2024-09'), ''].join('\n'),
  'a space before an opening quote': [HEADER, row('payments', ' "Payments"', '2024-09'), ''].join('\n'),
  'a header with a missing column': ['area_slug,area_name', 'payments,Payments', ''].join('\n'),
  'semicolons for commas': [METRICS_CSV_COLUMNS.join(';'), ''].join('\n'),
  'a semicolon header with quoted names': [METRICS_CSV_COLUMNS.map((column) => `"${column}"`).join(';'), ''].join('\n'),
  'only blank lines': '\n\r\n,,\n',
  empty: '',
};

function parseInChunks(text: string, cuts: readonly number[]) {
  const parser = new MetricsCsvParser({ latestMonth: '2026-12' });
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  return parser.end();
}

describe('MetricsCsvParser: a file in chunks reads as the whole file', () => {
  it.each(Object.entries(FILES))('%s, cut once at every position', (_name, text) => {
    const whole = parseMetricsCsv(text, { latestMonth: '2026-12' });
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parseInChunks(text, [cut]), `cut at ${cut}`).toEqual(whole);
    }
  });

  it.each(Object.entries(FILES))('%s, cut into chunks of 1 to 7 characters', (_name, text) => {
    const whole = parseMetricsCsv(text, { latestMonth: '2026-12' });
    const random = seededRandom(text.length);
    for (let trial = 0; trial < 20; trial++) {
      const cuts: number[] = [];
      for (let at = 1 + Math.floor(random() * 7); at < text.length; at += 1 + Math.floor(random() * 7)) cuts.push(at);
      expect(parseInChunks(text, cuts), `cuts ${cuts.join(',')}`).toEqual(whole);
    }
  });

  it('stops taking chunks once the header is refused, and says why', () => {
    const parser = new MetricsCsvParser();
    expect(parser.push('area_slug,area_name\n')).toBe(false);
    expect(parser.push(`${row('payments', 'Payments', '2024-09')}\n`)).toBe(false);
    const result = parser.end();
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.detail).toMatch(/missing/i);
  });

  it('refuses a quoted value that never closes once it runs past 1 MiB, not at the end of the upload', () => {
    const parser = new MetricsCsvParser();
    parser.push(`${HEADER}\npayments,"Payments`);
    const chunk = 'x'.repeat(64 * 1024);
    let pushed = 0;
    while (parser.push(chunk)) pushed++;
    // 15 chunks of 64 KiB and the 18 characters before them are under 1 MiB; the 16th goes past.
    expect(pushed).toBe(15);
    const result = parser.end();
    expect(result).toMatchObject({
      ok: false,
      kind: 'unparseable',
      errors: [{ row: 2, path: '', column: 'area_name', message: expect.stringMatching(/starts on line 2 runs on for over 1 MiB; a value that opens with a quote \(".*never closed/) }],
    });
  });
});
