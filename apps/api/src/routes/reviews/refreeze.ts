import { reviewIdParamsSchema, reviewSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonContentWithEtag, problemResponses, requiredIfMatchHeaders } from '../../errors/openapi.ts';
import { refreezeReviewSnapshot } from '../../services/reviews.ts';
import { etagOf } from '../etag.ts';
import { requireIfMatch, requireReview, toReview } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/reviews/{id}/snapshot',
  tags: ['Reviews'],
  summary:
    "Take the review's snapshot again (admins), as starting it did: the month's portfolio and signals as they stand now, e.g. " +
    'after late figures. Only before its first decision (409 after). If-Match with the review\'s ETag is required (428 without ' +
    'it, 412 when stale). Audited with the snapshot before and after',
  request: { params: reviewIdParamsSchema, headers: requiredIfMatchHeaders },
  responses: {
    200: jsonContentWithEtag(reviewSchema, 'The review with its new snapshot'),
    ...problemResponses(401, 403, 404, 409, 412, 422, 428),
  },
});

export function registerRefreezeReview(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'review.refreeze');
    const { id } = c.req.valid('param');
    const { now = () => new Date() } = c.var.deps;
    const db = c.var.deps.database.db;
    await refreezeReviewSnapshot(db, { id, expected: requireIfMatch(c.req.header('if-match'), 'taking its snapshot again'), actor }, now());
    const loaded = await requireReview(db, id);
    c.header('ETag', etagOf(loaded.review));
    return c.json(toReview(loaded), 200);
  });
}
