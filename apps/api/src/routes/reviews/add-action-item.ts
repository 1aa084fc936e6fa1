import { actionItemSchema, createActionItemSchema, reviewIdParamsSchema } from '@autonomy/contracts';
import { getReviewForAdding } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { addReviewActionItem } from '../../services/reviews.ts';
import { etagOf } from '../etag.ts';
import { toActionItem } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/reviews/{id}/action-items',
  tags: ['Reviews'],
  summary:
    'Add an action item (executives and admins): what is to be done, its owner (`ownerEmail`, an active user of any role), ' +
    'an optional due date and area. It starts open',
  request: { params: reviewIdParamsSchema, body: jsonBody(createActionItemSchema) },
  responses: {
    201: jsonContentWithEtag(actionItemSchema, 'The new action item; its ETag goes in If-Match when changing it'),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export function registerAddActionItem(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'review.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const item = await c.var.deps.database.db.transaction(async (tx) => {
      // Waits for a discard or a new snapshot in progress, then sees what it left.
      const review = await getReviewForAdding(tx, id);
      if (!review) throw new ApiError('not_found', `There is no review ${id}.`);
      return addReviewActionItem(tx, review, body, actor);
    });
    c.header('ETag', etagOf(item));
    return c.json(toActionItem(item), 201);
  });
}
