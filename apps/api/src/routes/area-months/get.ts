import { areaMonthParamsSchema, areaMonthSchema } from '@autonomy/contracts';
import { getAreaMonth } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { requireArea } from '../areas/shared.ts';
import { etagOf } from '../etag.ts';
import { toAreaMonth } from '../../services/area-month-response.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/areas/{slug}/months/{month}',
  tags: ['Figures'],
  summary: "One area's figures for one month, with an ETag for a later PUT's If-Match",
  request: { params: areaMonthParamsSchema },
  responses: {
    200: jsonContentWithEtag(areaMonthSchema, 'The figures'),
    ...problemResponses(401, 404, 422),
  },
});

export function registerGetAreaMonth(app: App): void {
  app.openapi(route, async (c) => {
    const db = c.var.deps.database.db;
    const { slug, month } = c.req.valid('param');
    const area = await requireArea(db, slug);
    const row = await getAreaMonth(db, area.id, month);
    if (!row) throw new ApiError('not_found', `Area "${slug}" has no figures for ${month}.`);
    c.header('ETag', etagOf(row));
    return c.json(toAreaMonth(slug, row), 200);
  });
}
