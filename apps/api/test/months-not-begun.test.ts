import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.ts';
import { exampleFigures, Harness, problemOf, type TestUser } from './harness.ts';
import { workedExampleCsv } from './worked-example.ts';

// The server's clock stands in June 2026: figures go up to 2026-06.
const NOW = new Date('2026-06-15T12:00:00Z');

let harness: Harness;
let lead: TestUser;
let admin: TestUser;

beforeAll(async () => {
  harness = await Harness.start({ now: () => NOW });
  lead = await harness.user('area_lead', { leads: ['payments'] });
  admin = await harness.user('admin');
});
afterAll(() => harness.stop());

describe('figures for months that have not begun', () => {
  it('are refused by PUT (422, on the month), and nothing is written; the current month is accepted', async () => {
    const before = await fingerprint(harness.db);
    for (const month of ['2026-07', '9999-12']) {
      const response = await harness.json(`/api/v1/areas/payments/months/${month}`, 'PUT', exampleFigures, lead);
      expect(response.status).toBe(422);
      const problem = await problemOf(response);
      expect(problem.detail).toBe(`${month} has not begun yet; figures can be kept for months up to 2026-06.`);
      expect(problem.errors).toEqual([
        { path: 'path.month', message: `month ${month} has not begun: figures go up to 2026-06, the current month` },
      ]);
    }
    expect(await fingerprint(harness.db)).toEqual(before);
    expect((await harness.json('/api/v1/areas/payments/months/2026-06', 'PUT', exampleFigures, lead)).status).toBe(201);
  });

  it('are refused by an import, naming the row, and the whole file with them', async () => {
    const before = await fingerprint(harness.db);
    const lines = workedExampleCsv.trimEnd().split(/\r?\n/);
    const future = (lines[1] ?? '').replace(/,20\d\d-\d\d,/, ',2026-07,');
    const response = await harness.request('/api/v1/imports/metrics', {
      method: 'POST',
      body: `${[...lines, future].join('\n')}\n`,
      headers: { 'content-type': 'text/csv' },
      as: admin,
    });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([
      {
        row: lines.length + 1,
        column: 'month',
        path: 'month',
        message: 'month 2026-07 has not begun: figures go up to 2026-06, the current month',
      },
    ]);
    expect(await fingerprint(harness.db)).toEqual(before);
  });
});
