import { createReviewSchema, reviewSchema } from '@autonomy/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { startReview } from '../../services/reviews.ts';
import { etagOf } from '../etag.ts';
import { requireReview, toReview } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/reviews',
  tags: ['Reviews'],
  summary:
    "Start the review of a month (executives and admins): freezes the month's portfolio and its signals (all but those " +
    'the data cleared) as they stand now. One review per month: 409 names the existing one (`reviewId`); 422 when no area has figures for the month',
  request: { body: jsonBody(createReviewSchema) },
  responses: {
    201: {
      ...jsonContent(reviewSchema, 'The new review with its snapshot'),
      headers: z.object({ ETag: z.string(), Location: z.string() }),
    },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export function registerCreateReview(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'review.manage');
    const { now = () => new Date() } = c.var.deps;
    const db = c.var.deps.database.db;
    const { id } = await startReview(db, c.req.valid('json'), actor, now());
    const loaded = await requireReview(db, id);
    c.header('ETag', etagOf(loaded.review));
    c.header('Location', `/api/v1/reviews/${id}`);
    return c.json(toReview(loaded), 201);
  });
}
