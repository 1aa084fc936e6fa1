import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { apiTokens, areaLeads, areas, sessions, users } from '../schema/index.ts';

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

export async function createApiToken(
  db: Database,
  token: { userId: string; name: string; tokenHash: string },
): Promise<{ id: string; name: string }> {
  const [row] = await db.insert(apiTokens).values(token).returning({ id: apiTokens.id, name: apiTokens.name });
  if (!row) throw new Error('inserting an API token returned no row');
  return row;
}

/** The active user behind an unrevoked token; records when the token was last used. */
export async function getTokenUser(db: Database, tokenHash: string, now: Date): Promise<UserRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .returning({ userId: apiTokens.userId });
  if (!row) return undefined;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, row.userId), eq(users.active, true)));
  return user;
}
