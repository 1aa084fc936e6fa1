import { bigserial, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { lifecycleDates } from './columns.ts';
import { users } from './users.ts';

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
    /** The finding's explanation lines, worded for an executive. */
    explanation: jsonb('explanation').$type<string[]>().notNull(),
    /** The same, structured: the components that moved most, before → after, in points. */
    contributions: jsonb('contributions').$type<unknown[]>().notNull().default([]),
    status: signalStatusEnum('status').notNull().default('open'),
    statusReason: text('status_reason'),
    /** Bumped whenever the status changes, by a person or by the data; the signal's ETag. */
    version: integer('version').notNull().default(1),
    ...lifecycleDates,
  },
  (table) => [
    uniqueIndex('signals_kind_area_month_idx').on(table.kind, table.areaId, table.month),
    index('signals_month_idx').on(table.month),
    // A reassessment reads one area's signals from a month on.
    index('signals_area_month_idx').on(table.areaId, table.month),
  ],
);

/**
 * A signal's history: raised, cleared and reopened by the data (no actor), acknowledged,
 * resolved, dismissed or reopened by a person. Append-only, like the audit log.
 */
export const signalEvents = pgTable(
  'signal_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    signalId: uuid('signal_id')
      .notNull()
      .references(() => signals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: signalStatusEnum('from_status'),
    toStatus: signalStatusEnum('to_status').notNull(),
    comment: text('comment'),
  },
  (table) => [index('signal_events_signal_idx').on(table.signalId, table.id)],
);
