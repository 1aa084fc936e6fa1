import { actionItemParamsSchema, actionItemSchema, updateActionItemSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import { authorizeActionItemChange } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { changeReviewActionItem } from '../../services/reviews.ts';
import { etagOf, parseIfMatch } from '../etag.ts';
import { toActionItem } from './shared.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/reviews/{id}/action-items/{itemId}',
  tags: ['Reviews'],
  summary:
    'Change an action item. Executives and admins change its title, owner, due date (null removes it), status (`open`, `done`, ' +
    '`dropped`; items are never deleted) or progress `note`; its owner marks it `done` or `dropped` and writes the note, nothing else. ' +
    "Send If-Match with the item's ETag so a change made meanwhile is not overwritten",
  request: { params: actionItemParamsSchema, headers: ifMatchHeaders, body: jsonBody(updateActionItemSchema) },
  responses: {
    200: jsonContentWithEtag(actionItemSchema, 'The changed action item'),
    ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
  },
});

export function registerUpdateActionItem(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { id, itemId } = c.req.valid('param');
    const patch = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    const item = await changeReviewActionItem(c.var.deps.database.db, {
      reviewId: id,
      itemId,
      patch,
      expected: ifMatch === undefined ? undefined : parseIfMatch(ifMatch),
      actor,
      // Who may change what depends on whose item it is, read in the transaction that changes it.
      authorize: (item) => authorizeActionItemChange(actor, item, patch),
    });
    c.header('ETag', etagOf(item));
    return c.json(toActionItem(item), 200);
  });
}
