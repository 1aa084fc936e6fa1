import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { apiTokens, users } from '../schema/index.ts';
import type { UserRow } from './users.ts';

/** A token as it may be shown: never its hash. */
export type ApiTokenRow = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

const tokenColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

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

/**
 * A user's tokens, newest first, revoked ones included; `afterId` is the cursor of the previous
 * page. The cursor compares against the stored row rather than a timestamp carried by the client,
 * because PostgreSQL keeps microseconds that a JavaScript Date would round away.
 */
export async function listApiTokens(
  db: Database,
  page: { userId: string; limit: number; afterId?: string },
): Promise<ApiTokenRow[]> {
  const afterCursor = page.afterId
    ? sql`(${apiTokens.createdAt}, ${apiTokens.id}) < (
        select page_end.created_at, page_end.id from api_tokens as page_end where page_end.id = ${page.afterId}
      )`
    : undefined;
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, page.userId), afterCursor))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(page.limit);
}

export async function getApiToken(db: Database, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

/** Revokes a token that is still live; undefined when it was revoked already (nothing changed). */
export async function revokeApiToken(db: Database, id: string, now: Date): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning(tokenColumns);
  return row;
}

/** Revokes every live token of a user; returns how many were revoked. */
export async function revokeUserApiTokens(db: Database, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}
