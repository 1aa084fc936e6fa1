/**
 * The process crash-mid-import.test.ts kills: it opens the database the test prepared, imports a
 * large CSV through the real service, and reports each step of the import transaction on stdout
 * so the test can SIGKILL it while that transaction is writing. It prints `committed` only once
 * importFigures has returned, that is after the commit.
 *
 * Run with tsx: `tsx import-child.ts`, configured by CRASH_CHILD (JSON, see ChildOptions).
 * Its stdout protocol, one line each:
 *   parsed <rows> <ms>           the file was built and validated, the import is about to start
 *   begun                        the import transaction is open
 *   figures <batch> <ms>         one batch of area months was written inside it
 *   assessments <batch> <ms>     one batch of assessments was written inside it (the recompute)
 *   committed <ms>               importFigures returned: the transaction committed
 */
import { pathToFileURL } from 'node:url';
import { METRICS_CSV_COLUMNS, parseMetricsCsv } from '@autonomy/contracts';
import { type Database, type DatabaseOptions, getUserByEmail, openDatabase } from '@autonomy/db';
import { monthOf } from '@autonomy/domain';
import type { SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { importFigures } from '../../src/services/imports.ts';

export interface FiguresPlan {
  /** Areas `area-0000` … in the file. */
  areas: number;
  /** Consecutive months per area, ending with `lastMonth`. */
  months: number;
  lastMonth: string;
  /** Another edition gives every month different figures: a second file changes the months a first one wrote. */
  edition: number;
}

export interface ChildOptions {
  database: DatabaseOptions;
  adminEmail: string;
  plan: FiguresPlan;
  /**
   * Test-only sabotage, to show the test can fail: `no-transaction` runs the import's work
   * statement by statement outside any transaction, as a broken import would.
   */
  sabotage?: 'no-transaction';
}

export function areaSlug(area: number): string {
  return `area-${String(area).padStart(4, '0')}`;
}

function monthNumber(month: string): number {
  const [year, monthOfYear] = month.split('-').map(Number);
  return (year ?? 0) * 12 + (monthOfYear ?? 1) - 1;
}

function monthName(number: number): string {
  return `${Math.floor(number / 12)}-${String((number % 12) + 1).padStart(2, '0')}`;
}

/** A small deterministic hash, so the same plan always gives the same file. */
function noise(...parts: number[]): number {
  let h = 2166136261;
  for (const part of parts) {
    h ^= part;
    h = Math.imul(h, 16777619);
    h ^= h >>> 13;
  }
  return (h >>> 0) / 4294967296;
}

/**
 * The brief's CSV for a plan. A quarter of the areas centralise over time (shared support,
 * processes and latency rise while lead-owned hiring falls), so the file raises drift signals too.
 */
export function figuresCsv(plan: FiguresPlan): string {
  const last = monthNumber(plan.lastMonth);
  const lines: string[] = [METRICS_CSV_COLUMNS.join(',')];
  for (let area = 0; area < plan.areas; area++) {
    const drifting = area % 4 === 0;
    for (let step = 0; step < plan.months; step++) {
      const month = last - plan.months + 1 + step;
      const r = (salt: number) => noise(area, month, plan.edition, salt);
      const trend = drifting ? step / plan.months : 0;
      const target = 100_000 + 5_000 * (area % 40);
      const hiresTotal = Math.floor(r(1) * 4);
      const decisionsTotal = Math.floor(r(2) * 12);
      const values: Record<(typeof METRICS_CSV_COLUMNS)[number], string> = {
        area_slug: areaSlug(area),
        area_name: `Area ${area}`,
        month: monthName(month),
        revenue_target: String(target + (plan.edition % 3) * 1_000),
        revenue_actual: (target * (0.7 + r(3) * 0.5)).toFixed(2),
        marketing_dedicated_fte: String(Math.floor((1 - trend) * 8 * r(4)) / 4 + 0.5),
        marketing_shared_fte: String(Math.floor((trend * 12 + r(5) * 2) * 4) / 4),
        sales_dedicated_fte: String(Math.floor(r(6) * 12) / 4 + 1),
        sales_shared_fte: String(Math.floor((trend * 8 + r(7)) * 4) / 4),
        hires_total: String(hiresTotal),
        hires_lead_owned: String(Math.min(hiresTotal, Math.round(hiresTotal * (1 - trend) * r(8) + (drifting ? 0 : hiresTotal / 2)))),
        decisions_total: String(decisionsTotal),
        decisions_central: String(Math.min(decisionsTotal, Math.round(decisionsTotal * (trend + r(9) * 0.3)))),
        shared_service_dependencies: String(Math.floor(trend * 10 + r(10) * 3)),
        mandatory_processes: String(Math.floor(trend * 20 + r(11) * 4)),
        approval_latency_days: (trend * 25 + r(12) * 3).toFixed(1),
        target_owner: r(13) < (drifting ? 0.8 - trend * 0.7 : 0.8) ? 'area' : 'central',
      };
      lines.push(METRICS_CSV_COLUMNS.map((column) => values[column]).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function report(line: string): void {
  // A pipe's writes are synchronous on Linux: the line has left before the next statement starts.
  process.stdout.write(`${line}\n`);
}

/**
 * Reports the import transaction's progress: when it opens, and after each bulk statement of
 * figures or assessments has been executed inside it. Only observes; the statements are unchanged.
 */
function reportProgress(db: Database, started: number, sabotage: ChildOptions['sabotage']): void {
  const dialect = new PgDialect();
  const open = db.transaction.bind(db);
  db.transaction = (async (work: (tx: Database) => Promise<unknown>, config?: unknown) => {
    const observed = async (tx: Database) => {
      report('begun');
      const execute = tx.execute.bind(tx);
      let figures = 0;
      let assessments = 0;
      tx.execute = ((query: SQLWrapper | string) => {
        const text = typeof query === 'string' ? query : dialect.sqlToQuery(query.getSQL()).sql;
        const pending = execute(query);
        const kind = /insert into area_months/.test(text) ? 'figures' : /insert into area_assessments/.test(text) ? 'assessments' : null;
        if (!kind) return pending;
        // PgRaw is a thenable query builder: report once the statement has run, keep its value.
        return pending.then((result) => {
          const batch = kind === 'figures' ? ++figures : ++assessments;
          report(`${kind} ${batch} ${Math.round(performance.now() - started)}`);
          return result;
        });
      }) as Database['execute'];
      return work(tx);
    };
    if (sabotage === 'no-transaction') return observed(db);
    return open(observed as Parameters<typeof open>[0], config as Parameters<typeof open>[1]);
  }) as Database['transaction'];
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env.CRASH_CHILD ?? 'null') as ChildOptions | null;
  if (!options) throw new Error('CRASH_CHILD is not set');
  const started = performance.now();
  const handle = await openDatabase(options.database);
  const admin = await getUserByEmail(handle.db, options.adminEmail);
  if (!admin) throw new Error(`no user ${options.adminEmail}`);

  const parsed = parseMetricsCsv(figuresCsv(options.plan), { latestMonth: monthOf(new Date()) });
  if (!parsed.ok) throw new Error(`the generated file is invalid: ${parsed.detail} ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  report(`parsed ${parsed.rows.length} ${Math.round(performance.now() - started)}`);

  reportProgress(handle.db, started, options.sabotage);
  await importFigures(handle.db, {
    rows: parsed.rows,
    dryRun: false,
    actor: { id: admin.id, email: admin.email, name: admin.name },
    now: new Date(),
  });
  report(`committed ${Math.round(performance.now() - started)}`);
  await handle.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
