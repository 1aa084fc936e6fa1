import { areaSlugParamsSchema, areaTargetsSchema } from '@autonomy/contracts';
import { listMonthTargets } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { requireArea } from '../areas/shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/areas/{slug}/targets',
  tags: ['Targets'],
  summary:
    "An area's revenue target for every month with figures, and the planned target of months set ahead of their figures, oldest first",
  request: { params: areaSlugParamsSchema },
  responses: { 200: jsonContent(areaTargetsSchema, "The area's targets"), ...problemResponses(401, 404, 422) },
});

export function registerGetTargets(app: App): void {
  app.openapi(route, async (c) => {
    const db = c.var.deps.database.db;
    const area = await requireArea(db, c.req.valid('param').slug);
    return c.json({ slug: area.slug, months: await listMonthTargets(db, area.id) }, 200);
  });
}
