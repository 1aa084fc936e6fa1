import { bigserial, index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { users } from './users.ts';

/** Where a target change came from: the targets form (with a reason), a figures edit, or an import. */
export const targetChangeSourceEnum = pgEnum('target_change_source', ['target', 'figures', 'import']);

/**
 * The history of revenue targets, append-only. A change sets one target for every month from
 * `fromMonth` to `toMonth`; for a month without figures yet, the latest change covering it is the
 * planned target. `previous` keeps each month's target before the change.
 */
export const targetChanges = pgTable(
  'target_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month').notNull(),
    revenueTarget: numeric('revenue_target', { precision: 18, scale: 4, mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    source: targetChangeSourceEnum('source').notNull(),
    /** `[{ month, revenueTarget }]` for the months in the range that had a target before. */
    previous: jsonb('previous').notNull().default([]),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email').notNull(),
    actorName: text('actor_name').notNull(),
  },
  (table) => [index('target_changes_area_idx').on(table.areaId, table.fromMonth, table.toMonth)],
);
