import { reviewIdParamsSchema, reviewSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { etagOf } from '../etag.ts';
import { requireReview, toReview } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/reviews/{id}',
  tags: ['Reviews'],
  summary: "One review: its frozen snapshot of the month's portfolio and signals, agenda, notes, decisions and action items",
  request: { params: reviewIdParamsSchema },
  responses: {
    200: jsonContentWithEtag(reviewSchema, "The review; its ETag goes in If-Match when changing the date, agenda or notes"),
    ...problemResponses(401, 404, 422),
  },
});

export function registerGetReview(app: App): void {
  app.openapi(route, async (c) => {
    const loaded = await requireReview(c.var.deps.database.db, c.req.valid('param').id);
    c.header('ETag', etagOf(loaded.review));
    return c.json(toReview(loaded), 200);
  });
}
