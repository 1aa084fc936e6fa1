import { and, arrayContains, desc, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { auditEvents } from '../schema/index.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export interface AuditActor {
  id: string;
  email: string;
  name: string;
}

export async function recordAuditEvent(
  db: Database,
  event: {
    actor: AuditActor;
    action: string;
    areaSlug?: string | null;
    /** Every area the event touched, when there are several (an import); defaults to `areaSlug`. */
    areaSlugs?: string[];
    subject?: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  const areaSlug = event.areaSlug ?? null;
  await db.insert(auditEvents).values({
    actorId: event.actor.id,
    actorEmail: event.actor.email,
    actorName: event.actor.name,
    action: event.action,
    areaSlug,
    areaSlugs: event.areaSlugs ?? (areaSlug ? [areaSlug] : []),
    subject: event.subject ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

/** Newest first; `beforeId` is the cursor of the previous page. */
export async function listAuditEvents(
  db: Database,
  filter: { areaSlug?: string; actorEmail?: string; since?: Date; beforeId?: number; limit: number },
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        filter.areaSlug ? arrayContains(auditEvents.areaSlugs, [filter.areaSlug]) : undefined,
        filter.actorEmail ? eq(auditEvents.actorEmail, filter.actorEmail.toLowerCase()) : undefined,
        filter.since ? gte(auditEvents.at, filter.since) : undefined,
        filter.beforeId ? lt(auditEvents.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}
