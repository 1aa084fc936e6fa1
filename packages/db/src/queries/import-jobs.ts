import { and, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { importJobs } from '../schema/index.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function createImportJob(
  db: Database,
  job: { userId: string; fileName: string; dryRun: boolean; rows: number },
): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(job).returning();
  if (!row) throw new Error('creating an import job returned no row');
  return row;
}

export async function getImportJob(db: Database, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row;
}

/** Records how a running job ended; a job ends once. */
export async function finishImportJob(
  db: Database,
  id: string,
  end: { status: 'done'; result: unknown } | { status: 'failed'; problem: unknown },
  now: Date,
): Promise<void> {
  await db
    .update(importJobs)
    .set({ status: end.status, result: end.status === 'done' ? end.result : null, problem: end.status === 'failed' ? end.problem : null, finishedAt: now })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')));
}

/**
 * At start-up: jobs still marked running were cut off when the process stopped. Their
 * transaction never committed, so nothing of them was written; say so.
 */
export async function failInterruptedImportJobs(db: Database, problem: unknown, now: Date): Promise<number> {
  const rows = await db
    .update(importJobs)
    .set({ status: 'failed', problem, finishedAt: now })
    .where(eq(importJobs.status, 'running'))
    .returning({ id: importJobs.id });
  return rows.length;
}
