/**
 * What do stored assessments cost, each beside a floor measured in the same run on the same engine?
 *
 *  1. GET /api/v1/portfolio?month=<latest> vs (a) raw SQL reading that month's stored rows joined
 *     with active areas, and (b) raw SQL computing that month's indices from the figures.
 *  2. A full reassessment (reassess(tx, 'all', now), and PUT /api/v1/settings) vs raw SQL that
 *     computes all 29 columns from area_months and rewrites area_assessments (rolled back).
 *  3. PUT /api/v1/areas/{slug}/months/{month} at 120 months of history vs GET /api/v1/auth/me.
 *  4. POST /api/v1/imports/metrics of 100,000 CSV rows (create, then update every row): rows/s,
 *     peak RSS growth, and the waits of a concurrent reader.
 *
 * PostgreSQL: a database of its own (bench_assessments_<pid>) on the server of DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end. PGlite: a data directory
 * in a temporary folder, as the product runs it.
 * BENCH_SIZES=small for a quick run (default: full). BENCH_ENGINES=postgres or embedded for one.
 * Fewer runs at 10k areas (said in the table). On PGlite, 10k × 120 measures the portfolio only:
 * seeding it takes minutes. A full run takes about 11 minutes on 2 cores.
 * Figures only: nothing is asserted.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '@autonomy/db';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import type { App } from '../src/context.ts';
import { holdSettingsSteady, reassess } from '../src/services/assessments.ts';
import {
  computedMonthSql,
  LATEST,
  NOW,
  rewriteAllSql,
  rolledBack,
  rowsOf,
  seed,
  signIn,
  type Size,
  storedMonthSql,
  toMonth,
} from './assessments-fixtures.ts';
import { importCsv, peakRssFromKernel, tryResetPeakRss, withPglite, withPostgres } from './assessments-setup.ts';

type Engine = 'postgres' | 'embedded';

const SMALL = process.env.BENCH_SIZES === 'small';
const ENGINES: Engine[] = process.env.BENCH_ENGINES
  ? (process.env.BENCH_ENGINES.split(',').map((name) => name.trim()) as Engine[])
  : ['postgres', 'embedded'];
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const PLAN: Record<Engine, Size[]> = SMALL
  ? {
      postgres: [{ areas: 100, months: 36 }, { areas: 100, months: 120 }, { areas: 1000, months: 120 }],
      embedded: [{ areas: 100, months: 36 }, { areas: 100, months: 120 }],
    }
  : {
      postgres: [{ areas: 1000, months: 36 }, { areas: 1000, months: 120 }, { areas: 10_000, months: 120 }],
      embedded: [{ areas: 1000, months: 36 }, { areas: 1000, months: 120 }, { areas: 10_000, months: 120 }],
    };
const IMPORT_ROWS = SMALL ? 10_000 : 100_000;
/** Full reassessment is measured at these sizes (on PGlite only the smallest, for reference). */
const reassessAt = (engine: Engine, size: Size, index: number) => engine === 'postgres' || index === 0;
/** The PUT of one month is measured at 120 months of history (on PGlite at the first such size only). */
const putAt = (size: Size, engine: Engine) =>
  size.months === 120 && (engine === 'postgres' || PLAN[engine].find((s) => s.months === 120) === size);
/** The import runs after the measurements of the smallest size, on that database. */
const importAt = (index: number) => index === 0;

// ---------------------------------------------------------------------------------------------
// Measuring and printing

interface Line {
  engine: Engine;
  size: string;
  what: string;
  ms: number;
  runs: string;
  floorName?: string;
  floorMs?: number;
  goal?: number;
  note?: string;
}
const lines: Line[] = [];
const notes: string[] = [];

function log(message: string): void {
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}
const started = performance.now();
const loadAtStart = loadavg().map((n) => n.toFixed(1)).join(' ');

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median of `runs` timed runs after `warmups` untimed ones. */
async function median(runs: number, run: () => Promise<unknown>, warmups = 1): Promise<number> {
  for (let index = 0; index < warmups; index += 1) await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return medianOf(times);
}

const label = (size: Size) => `${size.areas >= 1000 ? `${size.areas / 1000}k` : size.areas} × ${size.months}`;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

// ---------------------------------------------------------------------------------------------
// The measurements

async function measureSize(engine: Engine, handle: DatabaseHandle, size: Size, index: number): Promise<void> {
  const sizeLabel = label(size);
  const rows = size.areas * size.months;
  log(`${engine} ${sizeLabel}: seeding ${rows.toLocaleString('en')} area months`);
  const { seedMs, fillMs } = await seed(handle, size);
  log(`${engine} ${sizeLabel}: figures by SQL ${fmt(seedMs)}, first reassess('all') ${fmt(fillMs)}`);
  notes.push(`${engine} ${sizeLabel}: seeding the figures by SQL took ${fmt(seedMs)}; the first reassess(tx,'all') into the empty table ${fmt(fillMs)}.`);

  const db = handle.db;
  const app = createApp({ database: handle, now: () => NOW });
  const cookie = await signIn(app);
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.text();
  };
  const big = size.areas >= 10_000;

  // 1. The portfolio of the latest month.
  const portfolioRuns = big ? (engine === 'embedded' ? 5 : 9) : 15;
  const body = JSON.parse(await send('GET', `/api/v1/portfolio?month=${LATEST}`)) as { areas: unknown[]; months: string[] };
  const storedRows = rowsOf(await db.execute(storedMonthSql(LATEST))).length;
  if (body.areas.length !== storedRows) throw new Error(`portfolio has ${body.areas.length} areas, the floor ${storedRows}`);
  // Five warm-ups for the quick ones, so the JIT has settled before the timed runs.
  const floorStored = await median(portfolioRuns, () => db.execute(storedMonthSql(LATEST)), 5);
  const floorComputed = await median(big ? 2 : 5, () => db.execute(computedMonthSql(LATEST)), big ? 0 : 1);
  const route = await median(portfolioRuns, () => send('GET', `/api/v1/portfolio?month=${LATEST}`), 5);
  const bare = await median(portfolioRuns, () => send('GET', '/api/v1/auth/me'), 5);
  const runs = `${portfolioRuns}`;
  const goal = engine === 'postgres' ? 2 : 4;
  lines.push({ engine, size: sizeLabel, what: `GET /portfolio?month=${LATEST} (${storedRows} areas, ${body.months.length} months listed)`, ms: route, runs, floorName: '(a) SQL: stored rows of the month', floorMs: floorStored, goal });
  lines.push({ engine, size: sizeLabel, what: '  same route', ms: route, runs, floorName: `(b) SQL: indices from figures (${big ? '2 runs, no warm-up' : '5 runs'})`, floorMs: floorComputed, note: 'reference: the old cost' });
  lines.push({ engine, size: sizeLabel, what: '  bare signed-in GET /auth/me', ms: bare, runs });
  log(`${engine} ${sizeLabel}: portfolio ${fmt(route)} vs stored-rows SQL ${fmt(floorStored)}, computed SQL ${fmt(floorComputed)}`);

  // 2. Full reassessment.
  if (reassessAt(engine, size, index)) {
    // At 10k areas one run each (about a minute apiece); the seed's own reassess was the warm-up.
    const reassessRuns = big ? 1 : engine === 'embedded' || size.months === 120 ? 3 : 5;
    const counted = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from area_assessments`))[0]?.n ?? 0;
    let floorWritten = 0;
    const floor = await median(reassessRuns, () =>
      rolledBack(db, async (tx) => {
        await tx.execute(sql`delete from area_assessments`);
        await tx.execute(rewriteAllSql);
        floorWritten = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from area_assessments`))[0]?.n ?? 0;
      }),
    big ? 0 : 1);
    if (floorWritten !== counted) throw new Error(`the floor wrote ${floorWritten} rows, the product ${counted}`);
    // The seed's reassess was the warm-up at the largest size.
    const unchanged = await median(reassessRuns, () => db.transaction(async (tx) => {
    await holdSettingsSteady(tx);
    return reassess(tx, 'all', NOW);
  }), big ? 0 : 1);
    const settings = JSON.parse(await send('GET', '/api/v1/settings')) as { defaults: Record<string, unknown> & { ownershipFallThreshold: number } };
    let threshold = 5;
    const putSettings = await median(reassessRuns, () => {
      threshold = threshold === 5 ? 6 : 5;
      return send('PUT', '/api/v1/settings', { ...settings.defaults, ownershipFallThreshold: threshold });
    }, big ? 0 : 1);
    const reRuns = `${reassessRuns}${big ? ' (after the seed\'s)' : ''}`;
    lines.push({ engine, size: sizeLabel, what: `reassess(tx,'all') in a transaction, settings unchanged (${counted.toLocaleString('en')} rows)`, ms: unchanged, runs: reRuns, floorName: 'SQL: delete all + insert 29 computed cols (rolled back)', floorMs: floor, ...(engine === 'postgres' ? { goal: 2 } : { note: 'reference (the goal is for PostgreSQL)' }) });
    lines.push({ engine, size: sizeLabel, what: '  PUT /settings (threshold 5↔6: signals change too)', ms: putSettings, runs: reRuns, floorName: 'same SQL floor', floorMs: floor });
    log(`${engine} ${sizeLabel}: reassess all ${fmt(unchanged)}, PUT settings ${fmt(putSettings)} vs SQL ${fmt(floor)}`);
  }

  // 3. PUT of one month, with its reassessment.
  if (putAt(size, engine)) {
    const slug = 'area-00001'; // not a drifting area
    const base = {
      revenueTarget: 1_000_000,
      revenueActual: 990_000,
      marketingDedicatedFte: 4,
      marketingSharedFte: 1,
      salesDedicatedFte: 5,
      salesSharedFte: 1,
      hiresTotal: 3,
      hiresLeadOwned: 3,
      decisionsTotal: 12,
      decisionsCentral: 2,
      sharedServiceDependencies: 1,
      mandatoryProcesses: 2,
      approvalLatencyDays: 2,
      targetOwner: 'area',
    };
    const putRuns = big ? 15 : 30;
    const firstMonth = toMonth(size.months - 1);
    for (const [month, what] of [
      [LATEST, `PUT /areas/{slug}/months/${LATEST} (latest: 1 month reassessed)`],
      [firstMonth, `PUT /areas/{slug}/months/${firstMonth} (oldest: ${size.months} months reassessed)`],
    ] as const) {
      let latency = 2;
      const put = await median(putRuns, () => {
        latency = latency === 2 ? 3 : 2;
        return send('PUT', `/api/v1/areas/${slug}/months/${month}`, { ...base, approvalLatencyDays: latency });
      }, 2);
      lines.push({ engine, size: sizeLabel, what, ms: put, runs: `${putRuns}`, floorName: 'GET /auth/me (bare signed-in route)', floorMs: bare, goal: 3 });
      log(`${engine} ${sizeLabel}: ${what} ${fmt(put)} vs bare ${fmt(bare)}`);
    }
    // What a write costs before any rule runs: a transaction that rewrites the month and commits.
    const writeAlone = await median(putRuns, () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`update area_months set approval_latency_days = approval_latency_days + 0
          where area_id = (select id from areas where slug = ${slug}) and month = ${LATEST}`);
      }), 2);
    lines.push({ engine, size: sizeLabel, what: '  SQL: begin; update one month; commit (a write alone, no API, no rules)', ms: writeAlone, runs: `${putRuns}`, floorName: 'GET /auth/me (bare signed-in route)', floorMs: bare });
    log(`${engine} ${sizeLabel}: a write transaction alone ${fmt(writeAlone)}`);
  }

  // 4. CSV import.
  if (importAt(index)) await measureImport(engine, app, cookie, sizeLabel);
}

async function measureImport(engine: Engine, app: App, cookie: string, sizeLabel: string): Promise<void> {
  for (const [version, what] of [
    [0, 'create'],
    [1, 'update'],
  ] as const) {
    const csv = importCsv(IMPORT_ROWS, version);
    const waits: { path: string; ms: number; status: number }[] = [];
    const pending: Promise<void>[] = [];
    // A reader that means to send GET /api/health and GET /api/v1/portfolio every 100 ms. Its wait
    // is counted from when it meant to send, so time the event loop spends blocked (no timer can
    // fire) counts too: the reads planned meanwhile go out as soon as the loop is free.
    const read = (path: string, plannedAt: number) => {
      pending.push(
        Promise.resolve(app.request(path, { headers: { cookie } })).then(async (response) => {
          await response.arrayBuffer();
          waits.push({ path, ms: performance.now() - plannedAt, status: response.status });
        }),
      );
    };
    let nextRead = 0;
    const readsDue = (until: number) => {
      for (; nextRead <= until; nextRead += 100) {
        read('/api/health', nextRead);
        read('/api/v1/portfolio', nextRead);
      }
    };
    // The kernel's high-water mark catches the peak even while the event loop is blocked and the
    // sampler cannot run (PGlite answers without yielding to timers); reset it to now first.
    const resetPeak = tryResetPeakRss();
    const baseRss = process.memoryUsage().rss;
    const baseHeap = process.memoryUsage().heapUsed;
    let peakRss = baseRss;
    let peakHeap = baseHeap;
    // The sampler also times the event loop: the longest gap between two of its ticks.
    let lastTick = performance.now();
    let longestGap = 0;
    let samples = 0;
    const sampler = setInterval(() => {
      const tick = performance.now();
      longestGap = Math.max(longestGap, tick - lastTick);
      lastTick = tick;
      samples += 1;
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 20);
    const start = performance.now();
    nextRead = start + 100;
    const reader = setInterval(() => readsDue(performance.now()), 100);
    const response = await app.request('/api/v1/imports/metrics', {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: csv,
    });
    const text = await response.text();
    const end = performance.now();
    const ms = end - start;
    clearInterval(reader);
    clearInterval(sampler);
    longestGap = Math.max(longestGap, end - lastTick);
    readsDue(end); // those planned while the import held the loop
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    const kernelPeak = resetPeak ? peakRssFromKernel() : undefined;
    if (kernelPeak !== undefined) peakRss = Math.max(peakRss, kernelPeak);
    await Promise.all(pending);
    if (response.status !== 200) throw new Error(`import ${what}: ${response.status} ${text.slice(0, 500)}`);
    const counts = JSON.parse(text) as { monthsCreated: number; monthsUpdated: number };
    const expected = what === 'create' ? counts.monthsCreated : counts.monthsUpdated;
    if (expected !== IMPORT_ROWS) throw new Error(`import ${what}: ${text}`);
    const rate = (IMPORT_ROWS / ms) * 1000;
    const waitsOf = (path: string) => {
      const of = waits.filter((wait) => wait.path === path).map((wait) => wait.ms);
      return of.length === 0 ? 'none' : `median ${fmt(medianOf(of))}, max ${fmt(Math.max(...of))}`;
    };
    const failed = waits.filter((wait) => wait.status !== 200);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    lines.push({
      engine,
      size: sizeLabel,
      what: `POST /imports/metrics, ${IMPORT_ROWS.toLocaleString('en')} rows, ${what} every row`,
      ms,
      runs: '1',
      note: `${Math.round(rate).toLocaleString('en')} rows/s (goal ≥ ${engine === 'postgres' ? '10,000' : '5,000'}); peak RSS +${mb(peakRss - baseRss)} (goal ≤ 150 MB), ${samples > 0 ? `peak heap +${mb(peakHeap - baseHeap)}` : `heap +${mb(peakHeap - baseHeap)} at the end (not sampled)`}; ${samples} samples + kernel peak RSS (VmHWM); longest event-loop stall ${fmt(longestGap)}; ${waits.length / 2} pairs of reads planned during it, waits: GET /api/health ${waitsOf('/api/health')}; GET /api/v1/portfolio ${waitsOf('/api/v1/portfolio')}${failed.length ? `, ${failed.length} not 200 (${[...new Set(failed.map((f) => `${f.path} ${f.status}`))].join(', ')})` : ''}`,
    });
    log(`${engine}: import ${what} ${fmt(ms)} = ${Math.round(rate)} rows/s, RSS +${mb(peakRss - baseRss)}`);
  }
}

for (const engine of ENGINES) {
  const sizes = PLAN[engine];
  const run = async (handle: DatabaseHandle) => {
    for (const [index, size] of sizes.entries()) {
      const sizeStart = performance.now();
      try {
        await measureSize(engine, handle, size, index);
      } catch (error) {
        notes.push(`${engine} ${label(size)}: FAILED after ${fmt(performance.now() - sizeStart)}: ${(error as Error).message.slice(0, 300)}`);
        log(`${engine} ${label(size)} failed: ${(error as Error).stack}`);
        break;
      }
      notes.push(`${engine} ${label(size)}: seeding and measuring took ${fmt(performance.now() - sizeStart)} in all.`);
    }
  };
  if (engine === 'postgres') await withPostgres(SERVER_URL, run);
  else await withPglite(run);
}

// ---------------------------------------------------------------------------------------------
// The report

function codeVersion(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .map((line) => line.slice(3).trim())
      .filter(Boolean);
    return `${head}${changed.length ? ` + uncommitted changes to ${changed.join(', ')}` : ''}`;
  } catch {
    return 'unknown';
  }
}

const engineName = (engine: Engine) => (engine === 'postgres' ? 'PostgreSQL' : 'PGlite');
console.log(`\n## Stored assessments bench (${SMALL ? 'BENCH_SIZES=small' : 'full sizes'}; medians after a warm-up unless noted)\n`);
console.log(`Code ${codeVersion()}; Node ${process.version}; ${cpus().length} CPUs; load average at start ${loadAtStart}, at end ${loadavg().map((n) => n.toFixed(1)).join(' ')}.\n`);
console.log('| engine | areas × months | measurement | median | runs | floor | floor median | ratio | goal |');
console.log('|---|---|---|---:|---:|---|---:|---:|---|');
for (const line of lines) {
  const ratio = line.floorMs !== undefined ? line.ms / line.floorMs : undefined;
  const goal = line.goal !== undefined && ratio !== undefined ? `≤ ${line.goal}× ${ratio <= line.goal ? 'met' : 'MISSED'}` : (line.note ?? '');
  console.log(
    `| ${engineName(line.engine)} | ${line.size} | ${line.what} | ${fmt(line.ms)} | ${line.runs} | ${line.floorName ?? ''} | ${line.floorMs !== undefined ? fmt(line.floorMs) : ''} | ${ratio !== undefined ? `${ratio.toFixed(2)}×` : ''} | ${goal} |`,
  );
}

console.log('\n### Ratio vs floor, per size');
for (const engine of ENGINES) {
  for (const size of PLAN[engine]) {
    const mine = lines.filter((line) => line.engine === engine && line.size === label(size));
    if (mine.length === 0) continue;
    const parts = mine
      .filter((line) => line.goal !== undefined && line.floorMs !== undefined)
      .map((line) => `${line.what.trim().split(' (')[0]} ${(line.ms / line.floorMs!).toFixed(2)}× floor (goal ≤ ${line.goal}×)`);
    const imports = mine.filter((line) => line.what.startsWith('POST')).map((line) => `${line.what.split(', ').at(-1)}: ${line.note?.split(';')[0]}`);
    console.log(`- ${engineName(engine)} ${label(size)}: ${[...parts, ...imports].join('; ')}`);
  }
}

console.log('\n### Growth');
for (const engine of ENGINES) {
  const find = (size: string, prefix: string) => lines.find((line) => line.engine === engine && line.size === size && line.what.startsWith(prefix));
  const [s36, s120, s10k] = PLAN[engine].map(label);
  for (const [prefix, name] of [
    ['GET /portfolio', 'GET /portfolio'],
    ["reassess(tx,'all')", "reassess(tx,'all')"],
    ['  PUT /settings', 'PUT /settings'],
  ] as const) {
    const a = s36 ? find(s36, prefix) : undefined;
    const b = s120 ? find(s120, prefix) : undefined;
    const c = s10k ? find(s10k, prefix) : undefined;
    const parts: string[] = [];
    if (a && b) parts.push(`months ${s36} → ${s120}: ${(b.ms / a.ms).toFixed(2)}× (rows ×${(120 / 36).toFixed(1)})`);
    if (b && c) parts.push(`areas ${s120} → ${s10k}: ${(c.ms / b.ms).toFixed(2)}× (rows ×10)`);
    if (a && c) parts.push(`${s36} → ${s10k}: ${(c.ms / a.ms).toFixed(2)}×`);
    if (b?.floorMs && c?.floorMs) parts.push(`floor ${s120} → ${s10k}: ${(c.floorMs / b.floorMs).toFixed(2)}×`);
    if (parts.length) console.log(`- ${engineName(engine)} ${name}: ${parts.join('; ')}`);
  }
}

console.log('\n### Notes');
for (const note of notes) console.log(`- ${note}`);
console.log(`- Total run time ${fmt(performance.now() - started)}.`);
