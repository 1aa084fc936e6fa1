import { areaSchema, areaSlugParamsSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { etagOf } from '../etag.ts';
import { requireArea, toArea } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/areas/{slug}',
  tags: ['Areas'],
  summary: 'One area',
  request: { params: areaSlugParamsSchema },
  responses: {
    200: jsonContentWithEtag(areaSchema, 'The area; its ETag goes in If-Match when changing it'),
    ...problemResponses(401, 404, 422),
  },
});

export function registerGetArea(app: App): void {
  app.openapi(route, async (c) => {
    const { slug } = c.req.valid('param');
    const area = await requireArea(c.var.deps.database.db, slug);
    c.header('ETag', etagOf(area));
    return c.json(toArea(area), 200);
  });
}
