import { incidentCommentSchema, incidentEventSchema, incidentIdParamsSchema } from '@autonomy/contracts';
import { getIncident } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { commentOnIncident, toIncidentEvent } from '../../services/incidents.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/incidents/{id}/comments',
  tags: ['Signals'],
  summary: "Comment on an incident: the area's leads give context, executives and admins too. Changes no status",
  request: { params: incidentIdParamsSchema, body: jsonBody(incidentCommentSchema) },
  responses: { 201: jsonContent(incidentEventSchema, 'The comment, as it appears in the history'), ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
});

export function registerCommentOnIncident(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const { database, now = () => new Date() } = c.var.deps;
    const incident = await getIncident(database.db, id);
    if (!incident) throw new ApiError('not_found', `There is no incident ${id}.`);
    authorize(actor, 'signal.comment', incident.areaSlug, incident.areaName);
    const event = await commentOnIncident(database.db, incident, text, actor, now());
    return c.json(toIncidentEvent(event), 201);
  });
}
