import { type AuditEvent, auditListSchema, auditQuerySchema } from '@autonomy/contracts';
import { type AuditEventRow, listAuditEvents } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { decodeIdCursor, encodeIdCursor } from '../cursor.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/audit',
  tags: ['Audit'],
  summary:
    'Audit events, newest first: who changed what, when, before and after. Filter by `area` (slug), `actor` (email) ' +
    'and `since` (ISO date or date-time, inclusive). Read-only: no route edits or deletes an event.',
  request: { query: auditQuerySchema },
  responses: { 200: jsonContent(auditListSchema, 'A page of audit events'), ...problemResponses(401, 403, 422) },
});

export function registerListAuditEvents(app: App): void {
  app.openapi(route, async (c) => {
    authorize(c.var.user, 'audit.read');
    const { limit, cursor, area, actor, since } = c.req.valid('query');
    const rows = await listAuditEvents(c.var.deps.database.db, {
      areaSlug: area,
      actorEmail: actor,
      since: since === undefined ? undefined : toInstant(since),
      beforeId: cursor === undefined ? undefined : decodeIdCursor(cursor),
      limit: limit + 1,
    });
    // One extra row tells whether another page follows.
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: page.map(toAuditEvent), nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null }, 200);
  });
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, name: row.actorName },
    action: row.action,
    areaSlug: row.areaSlug,
    areaSlugs: row.areaSlugs,
    subject: row.subject,
    before: row.before,
    after: row.after,
  };
}

/** A date is midnight UTC, and so is a date-time written without an offset: never the server's zone. */
function toInstant(since: string): Date {
  const hasZone = /(?:Z|[+-]\d{2}:\d{2})$/.test(since);
  return new Date(since.includes('T') && !hasZone ? `${since}Z` : since);
}
