import { apiTokenListSchema, tokenIdParamsSchema, tokenListQuerySchema } from '@autonomy/contracts';
import { listApiTokens } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toApiToken } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/tokens',
  tags: ['Auth'],
  summary: "The caller's own API tokens, newest first, revoked ones included; never the secret",
  request: { query: tokenListQuerySchema },
  responses: { 200: jsonContent(apiTokenListSchema, 'A page of tokens'), ...problemResponses(401, 403, 422) },
});

export function registerListTokens(app: App): void {
  app.openapi(route, async (c) => {
    const user = c.var.user;
    authorize(user, 'token.manage_own');
    const { limit, cursor } = c.req.valid('query');
    const afterId = cursor === undefined ? undefined : parseTokenCursor(decodeCursor(cursor));
    // One extra row tells whether another page follows.
    const rows = await listApiTokens(c.var.deps.database.db, { userId: user.id, limit: limit + 1, afterId });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: page.map(toApiToken), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null }, 200);
  });
}

function parseTokenCursor(position: string): string {
  if (!tokenIdParamsSchema.shape.id.safeParse(position).success) {
    throw new ApiError('invalid_input', 'The cursor is not one this API gave out.', [{ path: 'query.cursor', message: 'is not a valid cursor' }]);
  }
  return position;
}
