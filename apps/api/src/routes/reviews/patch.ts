import { reviewIdParamsSchema, reviewSchema, updateReviewSchema } from '@autonomy/contracts';
import { getReview, recordAuditEvent, updateReview } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { requireHeldAfterMonthBegan } from '../../services/reviews.ts';
import { etagOf, ifMatchAccepts, staleEtag } from '../etag.ts';
import { holdsAlready } from '../../services/unchanged.ts';
import { changedFields, requireReview, toReview } from './shared.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/reviews/{id}',
  tags: ['Reviews'],
  summary:
    "Change a review's date, agenda or notes (executives and admins); its month and snapshot never change. Send If-Match " +
    "with the review's ETag so a change made meanwhile is not overwritten",
  request: { params: reviewIdParamsSchema, headers: ifMatchHeaders, body: jsonBody(updateReviewSchema) },
  responses: {
    200: jsonContentWithEtag(reviewSchema, 'The changed review'),
    ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
  },
});

export function registerUpdateReview(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'review.manage');
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    const review = await c.var.deps.database.db.transaction(async (tx) => {
      const before = await getReview(tx, id);
      if (!before) throw new ApiError('not_found', `There is no review ${id}.`);
      if (!ifMatchAccepts(ifMatch, before)) {
        throw staleEtag(`This review changed since you read it (now ${etagOf(before)}); reload it and apply your change again.`);
      }
      if (patch.heldOn !== undefined) requireHeldAfterMonthBegan(before.month, patch.heldOn);
      if (holdsAlready(before, patch)) return requireReview(tx, id);
      // Against the version just read: a change committed meanwhile makes this one stale, not lost.
      const after = await updateReview(tx, id, patch, before.version);
      if (!after) throw staleEtag('Someone else changed this review at the same moment; reload it and apply your change again.');
      const changes = changedFields(before, after, ['heldOn', 'agenda', 'notes']);
      await recordAuditEvent(tx, { actor, action: 'review.updated', subject: before.month, ...changes });
      return requireReview(tx, id);
    });
    c.header('ETag', etagOf(review.review));
    return c.json(toReview(review), 200);
  });
}
