import { doublePrecision, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { lifecycleDates } from './columns.ts';

export const findingKindEnum = pgEnum('finding_kind', ['chipotle_drift', 'ownership_erosion', 'revenue_miss']);
export const severityEnum = pgEnum('severity', ['watch', 'warning', 'critical']);
export const signalStatusEnum = pgEnum('signal_status', ['open', 'acknowledged', 'resolved', 'dismissed', 'cleared']);

/** A stored finding for one area and month, with its lifecycle. */
export const signals = pgTable(
  'signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: findingKindEnum('kind').notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    severity: severityEnum('severity').notNull(),
    ownershipDelta: doublePrecision('ownership_delta'),
    centralisationDelta: doublePrecision('centralisation_delta'),
    explanation: jsonb('explanation').notNull(),
    status: signalStatusEnum('status').notNull().default('open'),
    statusReason: text('status_reason'),
    ...lifecycleDates,
  },
  (table) => [uniqueIndex('signals_kind_area_month_idx').on(table.kind, table.areaId, table.month)],
);
