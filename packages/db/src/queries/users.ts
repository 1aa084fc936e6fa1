import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { areaLeads, areas, sessions, users } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = Pick<typeof users.$inferInsert, 'email' | 'name' | 'role' | 'passwordHash'>;

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function getUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

/** Inserts a user, or returns undefined when the email is taken. */
export async function createUser(db: Database, user: NewUser): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase() })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row;
}

/** The slugs of the areas a user leads, for authorisation and display. */
export async function getLedAreaSlugs(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ slug: areas.slug })
    .from(areaLeads)
    .innerJoin(areas, eq(areas.id, areaLeads.areaId))
    .where(eq(areaLeads.userId, userId))
    .orderBy(areas.slug);
  return rows.map((row) => row.slug);
}

export async function createSession(
  db: Database,
  session: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The active user behind an unexpired session, if any. */
export async function getSessionUser(db: Database, tokenHash: string, now: Date): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  return row?.user;
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** A user without the password hash, with the areas they lead: what admins see and what is audited. */
export type UserAccountRow = Omit<UserRow, 'passwordHash'> & { areaSlugs: string[] };

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

async function withLedAreas(db: Database, rows: Omit<UserAccountRow, 'areaSlugs'>[]): Promise<UserAccountRow[]> {
  if (rows.length === 0) return [];
  const leads = await db
    .select({ userId: areaLeads.userId, slug: areas.slug })
    .from(areaLeads)
    .innerJoin(areas, eq(areas.id, areaLeads.areaId))
    .where(inArray(areaLeads.userId, rows.map((row) => row.id)))
    .orderBy(areas.slug);
  return rows.map((row) => ({ ...row, areaSlugs: leads.filter((lead) => lead.userId === row.id).map((lead) => lead.slug) }));
}

/** Users in email order; `afterEmail` is the cursor of the previous page. */
export async function listUsers(db: Database, page: { limit: number; afterEmail?: string }): Promise<UserAccountRow[]> {
  const rows = await db
    .select(accountColumns)
    .from(users)
    .where(page.afterEmail ? gt(users.email, page.afterEmail) : undefined)
    .orderBy(asc(users.email))
    .limit(page.limit);
  return withLedAreas(db, rows);
}

/**
 * One user, locked until the transaction ends when `forUpdate` is set, so two admins changing the
 * same user cannot both read the same "before" and lose one change.
 */
export async function getUserAccount(
  db: Database,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserAccountRow | undefined> {
  const query = db.select(accountColumns).from(users).where(eq(users.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? (await withLedAreas(db, [row]))[0] : undefined;
}

/** Changes a user and bumps the account's version. */
export async function updateUser(
  db: Database,
  id: string,
  changes: Partial<Pick<UserRow, 'name' | 'role' | 'active' | 'passwordHash'>>,
): Promise<void> {
  await db
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Ends a user's sessions, but the one named by `exceptTokenHash`; returns how many ended. */
export async function deleteUserSessions(db: Database, userId: string, exceptTokenHash?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptTokenHash ? ne(sessions.tokenHash, exceptTokenHash) : undefined))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
