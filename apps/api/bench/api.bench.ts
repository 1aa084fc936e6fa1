/**
 * What do the main routes cost over their floors? Prints medians for the same data: the raw SQL
 * that reads the rows, a bare signed-in route, GET /api/v1/portfolio, PUT of one area month
 * (which recomputes that area's signals), a settings change (which recomputes every area), and
 * starting a monthly review (which freezes a month's portfolio and signals) against GET /portfolio.
 * Runs on PGlite, or on PostgreSQL when DATABASE_URL is set. Figures only; nothing is asserted.
 */
import { performance } from 'node:perf_hooks';
import { createUser, importAreaMonths, type ImportRow } from '@autonomy/db';
import { createTestDatabase } from '@autonomy/db/test';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/secrets.ts';

const AREAS = Number(process.argv[2] ?? 200);
const MONTHS = Number(process.argv[3] ?? 36);
const RUNS = 15;

function syntheticRows(): ImportRow[] {
  const rows: ImportRow[] = [];
  for (let area = 0; area < AREAS; area += 1) {
    for (let index = 0; index < MONTHS; index += 1) {
      const month = `${2020 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      const drift = area % 5 === 0 ? index / MONTHS : 0;
      rows.push({
        areaSlug: `area-${area}`,
        areaName: `Area ${area}`,
        month,
        revenueTarget: 1_000_000,
        revenueActual: 950_000 + ((area * 7919 + index * 104_729) % 100_000),
        marketingDedicatedFte: 4 - 3 * drift,
        marketingSharedFte: 1 + 3 * drift,
        salesDedicatedFte: 5,
        salesSharedFte: 1,
        hiresTotal: index % 4 === 0 ? 0 : 3,
        hiresLeadOwned: index % 4 === 0 ? 0 : Math.round(3 * (1 - drift)),
        decisionsTotal: 12,
        decisionsCentral: Math.round(2 + 8 * drift),
        sharedServiceDependencies: Math.round(1 + 5 * drift),
        mandatoryProcesses: Math.round(2 + 10 * drift),
        approvalLatencyDays: 2 + 10 * drift,
        targetOwner: drift > 0.5 ? 'central' : 'area',
      });
    }
  }
  return rows;
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const database = await createTestDatabase();
try {
  const user = await createUser(database.db, { email: 'bench@example.com', name: 'Bench', role: 'admin', passwordHash: await hashPassword('bench-password') });
  if (!user) throw new Error('no bench user');
  const rows = syntheticRows();
  const importStart = performance.now();
  await database.db.transaction((tx) => importAreaMonths(tx, rows, user.id));
  const importMs = performance.now() - importStart;
  // The same file again with every target changed: each row replaced and recorded in the target history.
  const retargeted = rows.map((row) => ({ ...row, revenueTarget: row.revenueTarget + 1 }));
  const reimportStart = performance.now();
  const reimport = await database.db.transaction((tx) => importAreaMonths(tx, retargeted, user.id));
  const reimportMs = performance.now() - reimportStart;
  if (reimport.targetsChanged !== rows.length) throw new Error(`expected ${rows.length} target changes, got ${reimport.targetsChanged}`);

  const app = createApp({ database });
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const latest = rows.at(-1)?.month ?? '';
  const get = async (path: string) => {
    const response = await app.request(path, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response.text();
  };

  const rawSql = await median(() =>
    database.db.execute(sql`select a.slug, a.name, m.* from area_months m join areas a on a.id = m.area_id
      where a.status = 'active' and m.month <= ${latest} order by a.slug, m.month`),
  );
  const bareRoute = await median(() => get('/api/v1/auth/me'));
  const portfolio = await median(() => get(`/api/v1/portfolio?month=${latest}`));
  const send = async (method: string, path: string, body: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  };
  const { areaSlug, areaName: _name, month, ...figures } = rows[0] ?? syntheticRows()[0]!;
  let latency = 1;
  const putOneMonth = await median(() => send('PUT', `/api/v1/areas/${areaSlug}/months/${month}`, { ...figures, approvalLatencyDays: (latency += 1) }));
  const settings = (await (await app.request('/api/v1/settings', { headers: { cookie } })).json()) as { defaults: { ownershipFallThreshold: number } };
  let threshold = 5;
  const settingsStart = performance.now();
  for (let run = 0; run < 3; run += 1) {
    threshold = threshold === 5 ? 6 : 5;
    await send('PUT', '/api/v1/settings', { ...settings.defaults, ownershipFallThreshold: threshold });
  }
  const settingsChange = (performance.now() - settingsStart) / 3;

  // One review per month: each run starts the review of an earlier month, newest first.
  const unreviewed = [...new Set(rows.map((row) => row.month))].reverse();
  let lastReviewId = '';
  const startReview = await median(async () => {
    const reviewed = unreviewed.shift();
    if (!reviewed) throw new Error(`reviewing needs ${RUNS + 1} months of figures; run with more months`);
    const response = await app.request('/api/v1/reviews', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ month: reviewed, heldOn: `${reviewed}-28` }),
    });
    if (response.status !== 201) throw new Error(`POST /api/v1/reviews: ${response.status} ${await response.text()}`);
    lastReviewId = ((await response.json()) as { id: string }).id;
  });
  const readReview = await median(() => get(`/api/v1/reviews/${lastReviewId}`));

  console.log(`database: ${database.kind}; ${AREAS} areas × ${MONTHS} months = ${rows.length} rows; median of ${RUNS} runs`);
  console.log(`import of all rows (one transaction):  ${importMs.toFixed(0)} ms (${((rows.length / importMs) * 1000).toFixed(0)} rows/s)`);
  console.log(`re-import, every row replaced and its target change recorded: ${reimportMs.toFixed(0)} ms = ${(reimportMs / importMs).toFixed(2)} × the first import`);
  console.log(`raw SQL reading the portfolio's rows:  ${rawSql.toFixed(1)} ms  (floor)`);
  console.log(`bare signed-in route (/auth/me):        ${bareRoute.toFixed(1)} ms`);
  console.log(`GET /api/v1/portfolio:                  ${portfolio.toFixed(1)} ms  = ${(portfolio / rawSql).toFixed(2)} × raw SQL`);
  console.log(`PUT one area month (+ its signals):     ${putOneMonth.toFixed(1)} ms  = ${(putOneMonth / bareRoute).toFixed(1)} × bare route`);
  console.log(`PUT settings (every area recomputed):   ${settingsChange.toFixed(0)} ms  (mean of 3)`);
  console.log(`POST /api/v1/reviews (month frozen):    ${startReview.toFixed(1)} ms  = ${(startReview / portfolio).toFixed(2)} × GET portfolio`);
  console.log(`GET /api/v1/reviews/{id} (frozen pack): ${readReview.toFixed(1)} ms  = ${(readReview / bareRoute).toFixed(1)} × bare route`);
} finally {
  await database.destroy();
}
