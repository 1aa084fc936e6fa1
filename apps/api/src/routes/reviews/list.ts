import { monthSchema, reviewListQuerySchema, reviewListSchema } from '@autonomy/contracts';
import { listReviews } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toReviewSummary } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/reviews',
  tags: ['Reviews'],
  summary: 'Monthly scaling reviews, newest month first, with their counts of decisions and open action items; `month` picks one month',
  request: { query: reviewListQuerySchema },
  responses: { 200: jsonContent(reviewListSchema, 'A page of reviews'), ...problemResponses(401, 422) },
});

export function registerListReviews(app: App): void {
  app.openapi(route, async (c) => {
    const { limit, cursor, month } = c.req.valid('query');
    // One extra row tells whether another page follows.
    const rows = await listReviews(c.var.deps.database.db, {
      limit: limit + 1,
      month,
      beforeMonth: cursor === undefined ? undefined : decodeMonthCursor(cursor),
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: page.map(toReviewSummary), nextCursor: rows.length > limit && last ? encodeCursor(last.month) : null }, 200);
  });
}

/** A review's month is unique, so it is the whole position of the last review seen. */
function decodeMonthCursor(cursor: string): string {
  const month = decodeCursor(cursor);
  if (!monthSchema.safeParse(month).success) {
    throw new ApiError('invalid_input', 'The cursor is not one this API gave out.', [{ path: 'query.cursor', message: 'is not a valid cursor' }]);
  }
  return month;
}
