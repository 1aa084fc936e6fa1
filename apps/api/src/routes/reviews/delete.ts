import { reviewIdParamsSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { problemResponses, requiredIfMatchHeaders } from '../../errors/openapi.ts';
import { discardReview } from '../../services/reviews.ts';
import { requireIfMatch } from './shared.ts';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/reviews/{id}',
  tags: ['Reviews'],
  summary:
    'Discard a review started by mistake (admins), while it has no decisions and no action items: 409 once it has any. ' +
    "If-Match with the review's ETag is required (428 without it, 412 when stale). The audit log keeps what was discarded, " +
    'and the month can be reviewed again',
  request: { params: reviewIdParamsSchema, headers: requiredIfMatchHeaders },
  responses: {
    204: { description: 'The review was discarded' },
    ...problemResponses(401, 403, 404, 409, 412, 422, 428),
  },
});

export function registerDiscardReview(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'review.discard');
    const { id } = c.req.valid('param');
    await discardReview(c.var.deps.database.db, { id, expected: requireIfMatch(c.req.header('if-match'), 'discarding'), actor });
    return c.body(null, 204);
  });
}
