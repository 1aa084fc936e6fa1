import { integer, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { lifecycleDates } from './columns.ts';
import { users } from './users.ts';

export const targetOwnerEnum = pgEnum('target_owner', ['area', 'central']);

// Money and FTE are exact decimals in the database and numbers in TypeScript.
const decimal = (name: string) => numeric(name, { precision: 18, scale: 4, mode: 'number' }).notNull();
const count = (name: string) => integer(name).notNull();

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
    /** Bumped on every write; the ETag, so concurrent edits cannot overwrite each other. */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...lifecycleDates,
  },
  (table) => [uniqueIndex('area_months_area_month_idx').on(table.areaId, table.month)],
);
