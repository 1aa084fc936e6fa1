import { incidentDetailSchema, incidentIdParamsSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { incidentDetail } from '../../services/incidents.ts';
import { etagOf } from '../etag.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/incidents/{id}',
  tags: ['Signals'],
  summary: 'One incident with each of its months (severity, deltas, explanation), its gaps, and its history and comments',
  request: { params: incidentIdParamsSchema },
  responses: { 200: jsonContentWithEtag(incidentDetailSchema, 'The incident; its ETag goes in If-Match when deciding on it'), ...problemResponses(401, 404, 422) },
});

export function registerGetIncident(app: App): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { detail, version } = await incidentDetail(c.var.deps.database.db, id);
    c.header('ETag', etagOf({ version }));
    return c.json(detail, 200);
  });
}
