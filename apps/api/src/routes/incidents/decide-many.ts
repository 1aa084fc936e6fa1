import { decideIncidentsResultSchema, decideIncidentsSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { decideOnIncidents, withLeads } from '../../services/incidents.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/incidents/decisions',
  tags: ['Signals'],
  summary:
    'Acknowledge or dismiss several incidents at once with one reason (executives and admins), each at the version it ' +
    'was read at: all of them or, if any changed meanwhile or cannot take the decision, none',
  request: { body: jsonBody(decideIncidentsSchema) },
  responses: {
    200: jsonContent(decideIncidentsResultSchema, 'The incidents with their new status, in the order named'),
    ...problemResponses(400, 401, 403, 409, 412, 413, 415, 422),
  },
});

export function registerDecideIncidents(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'signal.manage');
    const { incidents, ...decision } = c.req.valid('json');
    const { database, now = () => new Date() } = c.var.deps;
    const decided = await decideOnIncidents(database.db, incidents, decision, actor, now());
    return c.json({ items: await withLeads(database.db, decided) }, 200);
  });
}
