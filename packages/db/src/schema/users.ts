import { boolean, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { lifecycleDates } from './columns.ts';

export const roleEnum = pgEnum('role', ['admin', 'executive', 'area_lead', 'viewer']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased, so look-ups need no function index. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  /** scrypt, `scrypt$N$r$p$salt$hash` (base64). */
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  /** Bumped by every change an admin makes to the account; its ETag. */
  version: integer('version').notNull().default(1),
  ...lifecycleDates,
});
