import { createDecisionSchema, reviewDecisionSchema, reviewIdParamsSchema } from '@autonomy/contracts';
import { getReviewForAdding } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { recordReviewDecision } from '../../services/reviews.ts';
import { toReviewDecision } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/reviews/{id}/decisions',
  tags: ['Reviews'],
  summary:
    'Record a decision of the meeting (executives and admins), about one area (`areaSlug`) or the whole portfolio. ' +
    'Decisions are the record: they are never edited or removed',
  request: { params: reviewIdParamsSchema, body: jsonBody(createDecisionSchema) },
  responses: { 201: jsonContent(reviewDecisionSchema, 'The recorded decision'), ...problemResponses(400, 401, 403, 404, 413, 415, 422) },
});

export function registerAddDecision(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'review.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const decision = await c.var.deps.database.db.transaction(async (tx) => {
      // Waits for a discard or a new snapshot in progress, then sees what it left.
      const review = await getReviewForAdding(tx, id);
      if (!review) throw new ApiError('not_found', `There is no review ${id}.`);
      return recordReviewDecision(tx, review, body, actor);
    });
    return c.json(toReviewDecision(decision), 201);
  });
}
