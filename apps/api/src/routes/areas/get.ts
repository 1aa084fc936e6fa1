import { areaSchema, areaSlugParamsSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { requireArea, toArea } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/areas/{slug}',
  tags: ['Areas'],
  summary: 'One area',
  request: { params: areaSlugParamsSchema },
  responses: { 200: jsonContent(areaSchema, 'The area'), ...problemResponses(401, 404, 422) },
});

export function registerGetArea(app: App): void {
  app.openapi(route, async (c) => {
    const { slug } = c.req.valid('param');
    return c.json(toArea(await requireArea(c.var.deps.database.db, slug)), 200);
  });
}
