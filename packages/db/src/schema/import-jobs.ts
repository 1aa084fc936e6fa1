import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const importJobStatusEnum = pgEnum('import_job_status', ['running', 'done', 'failed']);

/**
 * An import (or its check) run in the background for the dashboard, which polls it: the file was
 * read and found valid before the job was made; the job writes it. Its progress while it runs is
 * kept by the process that runs it; the row keeps the outcome.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    dryRun: boolean('dry_run').notNull(),
    rows: integer('rows').notNull(),
    status: importJobStatusEnum('status').notNull().default('running'),
    /** The import's answer (as the synchronous route gives it) once done. */
    result: jsonb('result'),
    /** The problem (problem+json) once failed. */
    problem: jsonb('problem'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('import_jobs_user_idx').on(table.userId, table.createdAt)],
);
