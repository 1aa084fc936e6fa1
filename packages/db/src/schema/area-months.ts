import { sql } from 'drizzle-orm';
import { bigint, integer, numeric, pgEnum, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { lifecycleDates } from './columns.ts';
import { users } from './users.ts';

export const targetOwnerEnum = pgEnum('target_owner', ['area', 'central']);

// Money and FTE are exact decimals in the database and numbers in TypeScript.
const decimal = (name: string) => numeric(name, { precision: 18, scale: 4, mode: 'number' }).notNull();
const count = (name: string) => integer(name).notNull();

/**
 * Every version an area month is ever given comes from this one sequence, so an ETag names one
 * state of one month for good: a month removed and added again does not start over at 1, and a
 * stale If-Match from before the removal can never match the new figures.
 */
export const areaMonthVersions = pgSequence('area_month_versions');

/** The next version for a written area month. */
export const nextAreaMonthVersion = sql`nextval('area_month_versions')`;

/** One row per area per calendar month: the monthly inputs of the brief. */
export const areaMonths = pgTable(
  'area_months',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    /** `YYYY-MM`; text sorts in calendar order. */
    month: text('month').notNull(),
    revenueTarget: decimal('revenue_target'),
    revenueActual: decimal('revenue_actual'),
    marketingDedicatedFte: decimal('marketing_dedicated_fte'),
    marketingSharedFte: decimal('marketing_shared_fte'),
    salesDedicatedFte: decimal('sales_dedicated_fte'),
    salesSharedFte: decimal('sales_shared_fte'),
    hiresTotal: count('hires_total'),
    hiresLeadOwned: count('hires_lead_owned'),
    decisionsTotal: count('decisions_total'),
    decisionsCentral: count('decisions_central'),
    sharedServiceDependencies: count('shared_service_dependencies'),
    mandatoryProcesses: count('mandatory_processes'),
    approvalLatencyDays: decimal('approval_latency_days'),
    targetOwner: targetOwnerEnum('target_owner').notNull(),
    /** New on every write (from `area_month_versions`); the ETag, so concurrent edits cannot overwrite each other. */
    version: bigint('version', { mode: 'number' }).notNull().default(nextAreaMonthVersion),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...lifecycleDates,
  },
  (table) => [uniqueIndex('area_months_area_month_idx').on(table.areaId, table.month)],
);
