import { integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { lifecycleDates } from './columns.ts';
import { users } from './users.ts';

export const areaStatusEnum = pgEnum('area_status', ['active', 'archived']);

export const areas = pgTable('areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  status: areaStatusEnum('status').notNull().default('active'),
  /** Bumped on every change to the area or its leads; the ETag of `GET /areas/{slug}`. */
  version: integer('version').notNull().default(1),
  ...lifecycleDates,
});

/** An area may have more than one lead; a lead may lead more than one area. */
export const areaLeads = pgTable(
  'area_leads',
  {
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.areaId, table.userId] })],
);
