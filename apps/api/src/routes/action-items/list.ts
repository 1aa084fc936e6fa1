import { actionItemListQuerySchema, actionItemListSchema, daySchema } from '@autonomy/contracts';
import { type ActionItemPosition, listActionItemsOwnedBy } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toActionItem } from '../reviews/shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/action-items',
  tags: ['Reviews'],
  summary:
    "Your own action items across every review (`owner=me`), soonest due first and undated last, each with its review's month; " +
    '`status` picks one status, `overdue=true` those due before today',
  request: { query: actionItemListQuerySchema },
  responses: { 200: jsonContent(actionItemListSchema, 'A page of action items'), ...problemResponses(401, 422) },
});

export function registerListActionItems(app: App): void {
  app.openapi(route, async (c) => {
    const { limit, cursor, status, overdue } = c.req.valid('query');
    const { now = () => new Date() } = c.var.deps;
    const today = now().toISOString().slice(0, 10);
    // One extra row tells whether another page follows.
    const rows = await listActionItemsOwnedBy(c.var.deps.database.db, {
      ownerId: c.var.user.id,
      status,
      dueBefore: overdue ? today : undefined,
      after: cursor === undefined ? undefined : decodePosition(cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json(
      {
        items: page.map((row) => ({ ...toActionItem(row), reviewMonth: row.reviewMonth })),
        nextCursor: rows.length > limit && last ? encodeCursor(`${last.dueOn ?? ''}|${last.id}`) : null,
      },
      200,
    );
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The last item seen: its due date (empty when it had none) and its id. */
function decodePosition(cursor: string): ActionItemPosition {
  const [dueOn = '', id = '', ...rest] = decodeCursor(cursor).split('|');
  if (rest.length > 0 || !UUID.test(id) || (dueOn !== '' && !daySchema.safeParse(dueOn).success)) {
    throw new ApiError('invalid_input', 'The cursor is not one this API gave out.', [{ path: 'query.cursor', message: 'is not a valid cursor' }]);
  }
  return { dueOn: dueOn === '' ? null : dueOn, id };
}
