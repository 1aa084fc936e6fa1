import { incidentIdParamsSchema, incidentListSchema, incidentQuerySchema, severitySchema } from '@autonomy/contracts';
import { listIncidents } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { withLeads } from '../../services/incidents.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/incidents',
  tags: ['Signals'],
  summary:
    'Incidents (consecutive months of one finding kind in an area, decided on once) of active areas across months: ' +
    'most severe first, then oldest. `status=unresolved` gives open, acknowledged and dismissed ones; `lead=me` those of your areas',
  request: { query: incidentQuerySchema },
  responses: { 200: jsonContent(incidentListSchema, 'A page of incidents'), ...problemResponses(401, 422) },
});

export function registerListIncidents(app: App): void {
  app.openapi(route, async (c) => {
    const { limit, cursor, status, severity, kind, area, lead } = c.req.valid('query');
    const db = c.var.deps.database.db;
    const rows = await listIncidents(db, {
      status,
      severity,
      kind,
      areaSlug: area,
      leadId: lead === 'me' ? c.var.user.id : lead,
      after: cursor === undefined ? undefined : parseIncidentCursor(decodeCursor(cursor)),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor(`${last.currentSeverity}|${last.firstMonth}|${last.id}`) : null;
    return c.json({ items: await withLeads(db, page), nextCursor }, 200);
  });
}

function parseIncidentCursor(position: string) {
  const [severity, firstMonth, id] = position.split('|');
  const parsedSeverity = severitySchema.safeParse(severity);
  // Compared with typed columns: a cursor that is not ours must fail here, not in the query.
  const ours = parsedSeverity.success && /^\d{4}-\d{2}$/.test(firstMonth ?? '') && incidentIdParamsSchema.shape.id.safeParse(id).success;
  if (!ours || firstMonth === undefined || id === undefined || !parsedSeverity.success) {
    throw new ApiError('invalid_input', 'The cursor is not one this API gave out.', [{ path: 'query.cursor', message: 'is not a valid cursor' }]);
  }
  return { severity: parsedSeverity.data, firstMonth, id };
}
