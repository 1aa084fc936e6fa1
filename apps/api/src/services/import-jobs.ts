import type { ImportJob, ImportResult, MetricsCsvRow, FieldError } from '@autonomy/contracts';
import { type AuditActor, createImportJob, type Database, type DatabaseHandle, finishImportJob, getImportJob, type ImportJobRow } from '@autonomy/db';
import { asApiError, INTERNAL_ERROR_DETAIL } from '../errors/handler.ts';
import { ApiError } from '../errors/problem.ts';
import { afterBulkWrite } from './bulk-writes.ts';
import { importFigures, type ImportProgress, toImportResult } from './imports.ts';

/**
 * The jobs this process runs, with their progress: a poll is answered from here without the
 * database, which on PGlite is busy with the import itself. A job's row keeps how it ended.
 */
const running = new Map<string, { row: ImportJobRow; progress: ImportProgress }>();

// A job still marked running this long after it began, and not running here, was cut off when
// the process running it stopped: its transaction never committed, so nothing was imported.
// (An import of 100,000 rows takes seconds; another replica may be running a younger one.)
const ABANDONED_AFTER_MS = 30 * 60 * 1000;

export interface ImportJobRequest {
  rows: readonly MetricsCsvRow[];
  dryRun: boolean;
  fileName: string;
  skipped: ImportResult['skipped'];
  warnings: readonly FieldError[];
  actor: AuditActor;
  now: () => Date;
}

/**
 * Starts an import in the background and answers at once with its job: the dashboard polls it
 * and shows its progress, and the import goes on if the page is left. The import is the same
 * one the synchronous route runs, all rows or none.
 */
export async function startImportJob(database: DatabaseHandle, request: ImportJobRequest): Promise<ImportJob> {
  const row = await createImportJob(database.db, { userId: request.actor.id, fileName: request.fileName, dryRun: request.dryRun, rows: request.rows.length });
  running.set(row.id, { row, progress: { rowsWritten: 0, areasReassessed: 0, areasToReassess: null } });
  const job = runImportJob(database, row.id, request);
  inFlight.add(job);
  void job.finally(() => inFlight.delete(job));
  return describeImportJob(row, request.now());
}

const inFlight = new Set<Promise<void>>();

/** Resolves when every import job this process runs has ended: a graceful stop waits for them. */
export async function importJobsEnded(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

async function runImportJob(database: DatabaseHandle, id: string, request: ImportJobRequest): Promise<void> {
  const { rows, dryRun, actor, now } = request;
  const { db } = database;
  let end: { status: 'done'; result: ImportResult } | { status: 'failed'; problem: unknown };
  try {
    const outcome = await importFigures(db, {
      rows,
      dryRun,
      actor,
      now: now(),
      onProgress: (progress) => {
        const job = running.get(id);
        if (job) job.progress = progress;
      },
    });
    end = { status: 'done', result: toImportResult({ rows: rows.length, dryRun, skipped: request.skipped, warnings: request.warnings }, outcome) };
  } catch (error) {
    const known = asApiError(error);
    if (!known) console.error(`import job ${id} failed:`, error);
    end = { status: 'failed', problem: (known ?? new ApiError('internal', INTERNAL_ERROR_DETAIL)).toProblem() };
  }
  try {
    await finishImportJob(db, id, end, now());
  } catch (error) {
    console.error(`import job ${id}: could not record how it ended:`, error);
  } finally {
    running.delete(id);
  }
  afterBulkWrite(database, rows.length);
}

/** A job, with whose it is; undefined when there is none. */
export async function readImportJob(db: Database, id: string, now: Date): Promise<{ ownerId: string; job: ImportJob } | undefined> {
  const row = running.get(id)?.row ?? (await getImportJob(db, id));
  return row && { ownerId: row.userId, job: describeImportJob(row, now) };
}

function describeImportJob(row: ImportJobRow, now: Date): ImportJob {
  const progress = row.status === 'running' ? (running.get(row.id)?.progress ?? null) : null;
  const abandoned = row.status === 'running' && progress === null && now.getTime() - row.createdAt.getTime() > ABANDONED_AFTER_MS;
  return {
    id: row.id,
    fileName: row.fileName,
    dryRun: row.dryRun,
    status: abandoned ? 'failed' : row.status,
    rows: row.rows,
    progress,
    result: (row.result as ImportResult | null) ?? null,
    problem: abandoned
      ? new ApiError('internal', 'The import did not finish: the server running it stopped. Nothing was imported; import the file again.').toProblem()
      : ((row.problem as ImportJob['problem']) ?? null),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
