import { doublePrecision, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { severityEnum } from './signals.ts';

export const driftStateEnum = pgEnum('drift_state', ['drift', 'clear', 'insufficient_data']);

const fraction = (name: string) => doublePrecision(name);
const points = (name: string) => doublePrecision(name);

/**
 * What the rules make of one area month, computed when its figures (or the settings) change and
 * read everywhere else: one row per area_months row, written in the same transaction.
 * Unrounded, as the domain computes it; null where the domain says null.
 */
export const areaAssessments = pgTable(
  'area_assessments',
  {
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    ownershipIndex: doublePrecision('ownership_index').notNull(),
    centralisationIndex: doublePrecision('centralisation_index').notNull(),
    revenueAttainment: doublePrecision('revenue_attainment'),
    // Component values in [0, 1]; null when left out of the index (hiring, central decisions).
    marketing: fraction('marketing'),
    sales: fraction('sales'),
    hiring: fraction('hiring'),
    target: fraction('target'),
    dependencies: fraction('dependencies'),
    processes: fraction('processes'),
    latency: fraction('latency'),
    centralDecisions: fraction('central_decisions'),
    /** The earlier month a carried-forward hiring or decisions value came from. */
    hiringCarriedFrom: text('hiring_carried_from'),
    decisionsCarriedFrom: text('decisions_carried_from'),
    driftState: driftStateEnum('drift_state').notNull(),
    /** Null unless the window is complete. */
    ownershipDelta: doublePrecision('ownership_delta'),
    centralisationDelta: doublePrecision('centralisation_delta'),
    /** Null unless the area is in drift this month. */
    magnitude: doublePrecision('magnitude'),
    severity: severityEnum('severity'),
    consecutiveMonths: integer('consecutive_months'),
    // Each component's contribution to its delta, in points; null unless the window is complete.
    marketingPoints: points('marketing_points'),
    salesPoints: points('sales_points'),
    hiringPoints: points('hiring_points'),
    targetPoints: points('target_points'),
    dependenciesPoints: points('dependencies_points'),
    processesPoints: points('processes_points'),
    latencyPoints: points('latency_points'),
    centralDecisionsPoints: points('central_decisions_points'),
  },
  (table) => [
    primaryKey({ columns: [table.areaId, table.month] }),
    // The portfolio reads one month across areas; the month list skips along it.
    index('area_assessments_month_idx').on(table.month, table.areaId),
  ],
);
