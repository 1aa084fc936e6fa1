import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Who changed what, when, before and after. Append-only: the product has no route that edits or
 * deletes these. The actor's email and name are copied so the record outlives the user.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email').notNull(),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    areaSlug: text('area_slug'),
    /** Every area the event touched (one for most writes, several for an import): the area filter. */
    areaSlugs: text('area_slugs').array().notNull().default(sql`'{}'::text[]`),
    subject: text('subject'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (table) => [
    index('audit_events_at_idx').on(table.at),
    index('audit_events_area_slugs_idx').using('gin', table.areaSlugs),
  ],
);
