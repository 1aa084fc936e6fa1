import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { lifecycleDates } from './columns.ts';
import { users } from './users.ts';

export const findingKindEnum = pgEnum('finding_kind', ['chipotle_drift', 'ownership_erosion', 'revenue_miss']);
export const severityEnum = pgEnum('severity', ['watch', 'warning', 'critical']);
export const signalStatusEnum = pgEnum('signal_status', ['open', 'acknowledged', 'resolved', 'dismissed', 'cleared']);

/**
 * An incident: the consecutive months in which an area has the same finding kind, as one signal
 * people decide on once. Its months are the `signals` rows of the area and kind from
 * `first_month` to `latest_month`; months without enough data in between pause it (`gaps`).
 * `resolved_month` is set when the data resolved it (the first month with enough data and no
 * finding); a person's decision records the severity and latest month it was taken on, so a rise
 * in severity (escalation) or a month past a snooze (`snoozed_until`) reopens it.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: findingKindEnum('kind').notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    firstMonth: text('first_month').notNull(),
    latestMonth: text('latest_month').notNull(),
    /** Months with the finding. */
    months: integer('months').notNull(),
    /** Months without enough data after the first, while it ran (or still runs). */
    gaps: jsonb('gaps').$type<string[]>().notNull().default([]),
    peakSeverity: severityEnum('peak_severity').notNull(),
    currentSeverity: severityEnum('current_severity').notNull(),
    status: signalStatusEnum('status').notNull().default('open'),
    statusReason: text('status_reason'),
    resolvedMonth: text('resolved_month'),
    /** Reopened because its severity rose past what it was acknowledged at; until someone decides again. */
    escalated: boolean('escalated').notNull().default(false),
    decidedSeverity: severityEnum('decided_severity'),
    decidedThrough: text('decided_through'),
    snoozedUntil: text('snoozed_until'),
    /** Bumped with every change a person could have read; the incident's ETag. */
    version: integer('version').notNull().default(1),
    ...lifecycleDates,
  },
  (table) => [
    index('incidents_area_kind_idx').on(table.areaId, table.kind, table.firstMonth),
    // Triage reads unresolved incidents, most severe and oldest first.
    index('incidents_triage_idx').on(table.status, table.currentSeverity, table.firstMonth),
  ],
);

/** An incident's history: what the data did to it, people's decisions, and comments. Append-only. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email'),
    actorName: text('actor_name'),
    /** raised, escalated, resolved, reopened, snooze ended, cleared, merged, acknowledged, dismissed, commented… */
    action: text('action').notNull(),
    /** The data month that caused it, for the data's own events. */
    month: text('month'),
    fromStatus: signalStatusEnum('from_status'),
    toStatus: signalStatusEnum('to_status').notNull(),
    comment: text('comment'),
  },
  (table) => [index('incident_events_incident_idx').on(table.incidentId, table.id)],
);

/** A stored finding for one area and month (one month of an incident), with its incident's status. */
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
    /** The incident this month belongs to; its status is the incident's (kept in step by the recompute). */
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
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
