import { areaHistorySchema, areaSlugParamsSchema } from '@autonomy/contracts';
import { listAreaAssessments } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { toIndices } from '../../services/indices.ts';
import { requireArea } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/areas/{slug}/history',
  tags: ['Areas'],
  summary: "An area's indices, attainment and drift state for every month with figures, oldest first",
  request: { params: areaSlugParamsSchema },
  responses: { 200: jsonContent(areaHistorySchema, 'The history'), ...problemResponses(401, 404, 422) },
});

export function registerAreaHistory(app: App): void {
  app.openapi(route, async (c) => {
    const db = c.var.deps.database.db;
    const area = await requireArea(db, c.req.valid('param').slug);
    const months = (await listAreaAssessments(db, area.id)).map((stored) => ({ month: stored.month, ...toIndices(stored) }));
    return c.json({ slug: area.slug, name: area.name, months }, 200);
  });
}
