import { userAccountListSchema, userListQuerySchema } from '@autonomy/contracts';
import { listUsers } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toUserAccount } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags: ['Users'],
  summary: 'Users in email order with role, whether active, and the areas they lead, paged (admins only)',
  request: { query: userListQuerySchema },
  responses: { 200: jsonContent(userAccountListSchema, 'A page of users'), ...problemResponses(401, 403, 422) },
});

export function registerListUsers(app: App): void {
  app.openapi(route, async (c) => {
    authorize(c.var.user, 'user.list');
    const { limit, cursor } = c.req.valid('query');
    const afterEmail = cursor === undefined ? undefined : decodeCursor(cursor);
    // One extra row tells whether another page follows.
    const rows = await listUsers(c.var.deps.database.db, { limit: limit + 1, afterEmail });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: page.map(toUserAccount), nextCursor: rows.length > limit && last ? encodeCursor(last.email) : null }, 200);
  });
}
