/**
 * The brief: "A failure anywhere in a write (including the recompute) rolls the whole write back:
 * figures and assessments never disagree, even after a crash mid-import". A real process runs a
 * real import (test/crash/import-child.ts) on a database that persists (a PostgreSQL database of
 * its own when DATABASE_URL is set, else an embedded PGlite data directory) and is SIGKILLed while
 * the import transaction is writing; the database is then reopened and must hold exactly what it
 * held before, with every stored assessment equal to a recomputation from scratch, and must still
 * take an import.
 *
 * CRASH_TEST_SABOTAGE shows the checks can fail (nothing sets it in CI):
 *   `no-transaction`     the child runs the import's statements outside any transaction;
 *   `delete-assessment`  one stored assessment is deleted after the crash, before the checks;
 *   `nudge-assessment`   one stored ownership index is moved by 1e-9 after the crash.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { parseMetricsCsv } from '@autonomy/contracts';
import {
  type AssessmentRecord,
  createUser,
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  listStoredAssessments,
  openDatabase,
  rowsOf,
} from '@autonomy/db';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/secrets.ts';
import { loadDriftSettings } from '../src/services/drift-settings.ts';
import { importFigures } from '../src/services/imports.ts';
import { recomputeFromScratch } from './assessment-check.ts';
import { areaSlug, type ChildOptions, type FiguresPlan, figuresCsv } from './crash/import-child.ts';

const serverUrl = process.env.DATABASE_URL;
const sabotage = process.env.CRASH_TEST_SABOTAGE as 'no-transaction' | 'delete-assessment' | 'nudge-assessment' | undefined;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const childScript = fileURLToPath(new URL('./crash/import-child.ts', import.meta.url));

const MONTHS_PER_AREA = 120;
/** The brief's limit for one file; a machine that imports even this before the kill fails the test. */
const MAX_ROWS = 100_000;
/** 300 areas × 120 months: 8 batches of figures and 8 of assessments (5,000 rows each). */
const FIRST_AREAS = 300;
/** What exists before the crash: 40 areas × 36 months, whose months the big file changes. */
const BASELINE: FiguresPlan = { areas: 40, months: 36, lastMonth: '2025-12', edition: 1 };

const ADMIN = { email: 'crash-admin@example.com', password: 'crash-admin-password-123' };

/** Where a scenario's database lives, and how to remove it whatever happened. */
interface Place {
  options: DatabaseOptions;
  describe: string;
  remove(): Promise<void>;
}

async function newPlace(): Promise<Place> {
  if (!serverUrl) {
    const folder = mkdtempSync(join(tmpdir(), 'crash-mid-import-'));
    const dataDir = join(folder, 'pgdata');
    return {
      options: { kind: 'embedded', dataDir },
      describe: `PGlite data directory ${dataDir}`,
      remove: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `crash_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = await openDatabase({ kind: 'postgres', url: serverUrl, maxConnections: 1 });
  await server.db.execute(sql.raw(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    options: { kind: 'postgres', url: url.toString(), maxConnections: 5 },
    describe: `PostgreSQL database ${name}`,
    remove: async () => {
      try {
        // `with (force)` also ends the killed import's backend if the server has not noticed yet.
        await server.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
      } finally {
        await server.close();
      }
    },
  };
}


type Dump = Map<string, string[]>;

/** Every row of every table, as JSON text in a stable order: what "rolled back as a whole" compares. */
async function dumpTables(db: Database): Promise<Dump> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((row) => row.table_name);
  const dump: Dump = new Map();
  for (const table of tables) {
    const rows = rowsOf<{ row: string }>(await db.execute(sql.raw(`select to_jsonb(t)::text as row from "${table}" t order by 1`)));
    dump.set(table, rows.map((row) => row.row));
  }
  return dump;
}

/** One line per table that differs, with its first differing row: short enough to read in a failure. */
function dumpDifferences(before: Dump, after: Dump): string[] {
  const differences: string[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(table) ?? [];
    const is = after.get(table) ?? [];
    const at = was.findIndex((row, index) => row !== is[index]);
    if (at === -1 && was.length === is.length) continue;
    const first = at === -1 ? was.length : at;
    differences.push(
      `${table}: ${was.length} rows before, ${is.length} after; row ${first} was ${was[first]?.slice(0, 160) ?? '(none)'}, is ${is[first]?.slice(0, 160) ?? '(none)'}`,
    );
  }
  return differences;
}

const byAreaThenMonth = (a: AssessmentRecord, b: AssessmentRecord) =>
  a.areaId < b.areaId ? -1 : a.areaId > b.areaId ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0;

/** Every area's figures assessed from nothing under the stored settings, as reassess() stores them. */
async function recomputeAssessments(db: Database): Promise<AssessmentRecord[]> {
  const { settings } = await loadDriftSettings(db);
  return (await recomputeFromScratch(db, settings)).assessments;
}

/**
 * Stored assessments against the recomputation, walked together in (area, month) order: a month
 * missing on either side, or any field that differs by Object.is (exact: no tolerance, null is
 * not undefined). Returns at most 20 lines and a count of the rest.
 */
async function assessmentDisagreements(db: Database): Promise<string[]> {
  const fresh = await recomputeAssessments(db);
  const stored = ([...(await listStoredAssessments(db))] as AssessmentRecord[]).sort(byAreaThenMonth);
  const lines: string[] = [];
  const key = (record: AssessmentRecord) => `${record.areaId} ${record.month}`;
  let f = 0;
  let s = 0;
  while (f < fresh.length || s < stored.length) {
    const expected = fresh[f];
    const actual = stored[s];
    const order = !expected ? 1 : !actual ? -1 : byAreaThenMonth(expected, actual);
    if (order < 0 && expected) {
      lines.push(`${key(expected)}: figures without a stored assessment`);
      f++;
    } else if (order > 0 && actual) {
      lines.push(`${key(actual)}: a stored assessment without figures`);
      s++;
    } else if (expected && actual) {
      const fields = [...new Set([...Object.keys(expected), ...Object.keys(actual)])] as (keyof AssessmentRecord)[];
      const differing = fields.filter((field) => !Object.is(expected[field], actual[field]));
      if (differing.length > 0) {
        lines.push(`${key(expected)}: ${differing.map((field) => `${field} recomputed ${String(expected[field])}, stored ${String(actual[field])}`).join('; ')}`);
      }
      f++;
      s++;
    }
  }
  if (fresh.length !== stored.length) lines.unshift(`${fresh.length} area months recomputed, ${stored.length} assessments stored`);
  return lines.length > 20 ? [...lines.slice(0, 20), `… and ${lines.length - 20} more`] : lines;
}

function rowsOfPlan(plan: FiguresPlan) {
  const parsed = parseMetricsCsv(figuresCsv(plan));
  if (!parsed.ok) throw new Error(`the generated file is invalid: ${parsed.detail}`);
  return parsed.rows;
}

/** Migrates the place, creates the admin and imports the baseline through the real service. */
async function prepare(place: Place): Promise<{ before: Dump; months: number }> {
  const handle = await openDatabase(place.options);
  try {
    await handle.migrate();
    const admin = await createUser(handle.db, { email: ADMIN.email, name: 'Crash admin', role: 'admin', passwordHash: await hashPassword(ADMIN.password) });
    if (!admin) throw new Error('the admin was not created');
    const rows = rowsOfPlan(BASELINE);
    await importFigures(handle.db, { rows, dryRun: false, actor: { id: admin.id, email: admin.email, name: admin.name }, now: new Date() });
    // The baseline itself must be consistent, or a later disagreement would prove nothing.
    expect(await assessmentDisagreements(handle.db)).toEqual([]);
    const before = await dumpTables(handle.db);
    expect(before.get('area_months')).toHaveLength(rows.length);
    expect(before.get('area_assessments')).toHaveLength(rows.length);
    return { before, months: rows.length };
  } finally {
    // PGlite is one process's: the child cannot open the directory while this handle is open.
    await handle.close();
  }
}

interface ChildRun {
  lines: string[];
  /** The progress line after which the child was killed; undefined if it ran to its end. */
  killedAfter: string | undefined;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  milliseconds: number;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the child in its own process group and SIGKILLs the whole group on the line `killAt`:
 * tsx runs the script in a second Node process, which a SIGKILL of tsx alone would leave running.
 */
async function runChild(options: ChildOptions, killAt: string): Promise<ChildRun> {
  if (!existsSync(tsx)) throw new Error(`tsx is not installed at ${tsx}`);
  const started = performance.now();
  const child: ChildProcess = spawn(tsx, [childScript], {
    cwd: join(root, 'apps/api'),
    env: { ...process.env, CRASH_CHILD: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the import process did not start');
  const lines: string[] = [];
  let stderr = '';
  let killedAfter: string | undefined;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    if (killedAfter === undefined && line.startsWith(`${killAt} `)) {
      killedAfter = line;
      process.kill(-pid, 'SIGKILL');
    }
  });
  const watchdog = setTimeout(() => groupAlive(pid) && process.kill(-pid, 'SIGKILL'), 120_000);
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    // The group is gone only when the Node process doing the import is gone too.
    for (let waited = 0; groupAlive(pid); waited += 50) {
      if (waited > 10_000) throw new Error(`process group ${pid} survived the SIGKILL`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { lines, killedAfter, signal, code, stderr, milliseconds: performance.now() - started };
  } finally {
    clearTimeout(watchdog);
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  }
}

async function reopen(place: Place): Promise<DatabaseHandle> {
  try {
    const handle = await openDatabase(place.options);
    await handle.ping();
    return handle;
  } catch (error) {
    throw new Error(`The ${place.describe} could not be reopened after the SIGKILL: ${String(error)}`, { cause: error });
  }
}

/** A small file after the crash: three months changed in two existing areas, six months of a new one. */
function afterCrashCsv(): string {
  const changed = figuresCsv({ areas: 2, months: 3, lastMonth: '2025-12', edition: 7 }).trimEnd().split('\n');
  const added = figuresCsv({ areas: 1, months: 6, lastMonth: '2026-11', edition: 7 })
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.replace(`${areaSlug(0)},Area 0,`, 'after-crash,After the crash,'));
  return `${[...changed, ...added].join('\n')}\n`;
}

const cleanups: (() => Promise<void>)[] = [];
// Newest first (close the handle, then remove its database), each one even when another failed.
afterEach(async () => {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'cleaning up after the crash test failed');
});

const scenarios = [
  { name: 'while it writes the figures', killAt: 'figures 3' },
  { name: 'during the recompute, with every figure written', killAt: 'assessments 3' },
];

describe(`an import killed mid-transaction (${serverUrl ? 'PostgreSQL' : 'PGlite data directory'})`, () => {
  it.each(scenarios)('$name leaves figures and assessments as they were, and the app working', async ({ killAt }) => {
    const timings: Record<string, number> = {};
    let clock = performance.now();
    const lap = (name: string) => {
      timings[name] = Math.round(performance.now() - clock);
      clock = performance.now();
    };

    // Prepare, crash; if this machine finished the import before the kill landed, start again
    // with a larger file, since a crash after the commit proves nothing.
    let areas = FIRST_AREAS;
    let place: Place;
    let before: Dump;
    let baselineMonths: number;
    let run: ChildRun;
    for (;;) {
      place = await newPlace();
      const current = place;
      cleanups.push(() => current.remove());
      ({ before, months: baselineMonths } = await prepare(place));
      lap('prepare');
      const plan: FiguresPlan = { areas, months: MONTHS_PER_AREA, lastMonth: '2026-11', edition: 2 };
      run = await runChild({ database: place.options, adminEmail: ADMIN.email, plan, ...(sabotage === 'no-transaction' ? { sabotage } : {}) }, killAt);
      lap('child until killed');
      if (run.code !== null && run.code !== 0) throw new Error(`the import process failed (exit ${run.code}):\n${run.stderr}`);
      if (!run.lines.some((line) => line.startsWith('committed'))) break;
      const next = Math.min(areas * 2, Math.floor(MAX_ROWS / MONTHS_PER_AREA));
      if (next === areas) throw new Error(`even ${areas * MONTHS_PER_AREA} rows were imported before the kill landed: ${run.lines.join(' | ')}`);
      console.warn(`The import of ${areas * MONTHS_PER_AREA} rows committed before the kill; trying ${next * MONTHS_PER_AREA} rows.`);
      areas = next;
      await cleanups.pop()?.();
    }

    // The kill landed inside the open transaction, before its commit.
    expect(run.killedAfter, run.lines.join(' | ')).toMatch(new RegExp(`^${killAt} `));
    expect(run.signal).toBe('SIGKILL');
    expect(run.lines).toContain('begun');
    expect(run.lines.some((line) => line.startsWith('committed'))).toBe(false);

    const handle = await reopen(place);
    cleanups.push(() => handle.close());
    lap('reopen');
    const oneAssessment = sql`(area_id, month) = (select area_id, max(month) from area_assessments group by area_id order by area_id limit 1)`;
    if (sabotage === 'delete-assessment') await handle.db.execute(sql`delete from area_assessments where ${oneAssessment}`);
    if (sabotage === 'nudge-assessment') await handle.db.execute(sql`update area_assessments set ownership_index = ownership_index + 1e-9 where ${oneAssessment}`);

    // (a) The whole write rolled back: every table, area_months first among them, as before.
    expect.soft(dumpDifferences(before, await dumpTables(handle.db)), 'tables that differ from before the import').toEqual([]);
    // (b) Every stored assessment is what the figures make of it, recomputed from scratch.
    expect.soft(await assessmentDisagreements(handle.db), 'assessments that disagree with the figures after the crash').toEqual([]);
    lap('checks after reopening');

    // (c) The app still works on the reopened database: sign in and import a small file.
    const app = createApp({ database: handle });
    expect((await app.request('/api/health')).status).toBe(200);
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const imported = await app.request('/api/v1/imports/metrics', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie },
      body: afterCrashCsv(),
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    expect(await imported.json()).toEqual({ dryRun: false, rows: 12, areasCreated: 1, monthsCreated: 6, monthsUpdated: 6, monthsUnchanged: 0, skipped: [], warnings: [] });
    expect((await dumpTables(handle.db)).get('area_months')).toHaveLength(baselineMonths + 6);
    expect(await assessmentDisagreements(handle.db), 'assessments that disagree with the figures after a later import').toEqual([]);
    lap('import after reopening');

    console.info(`${serverUrl ? 'PostgreSQL' : 'PGlite'}, killed after "${run.killedAfter}" (${run.lines.find((line) => line.startsWith('parsed'))}): ${JSON.stringify(timings)} ms`);
  }, 300_000);
});
