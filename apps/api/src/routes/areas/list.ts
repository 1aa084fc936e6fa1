import { areaListSchema, pageQuerySchema } from '@autonomy/contracts';
import { listAreas } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toArea } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/areas',
  tags: ['Areas'],
  summary: 'Areas in slug order, paged',
  request: { query: pageQuerySchema },
  responses: { 200: jsonContent(areaListSchema, 'A page of areas'), ...problemResponses(401, 422) },
});

export function registerListAreas(app: App): void {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const afterSlug = cursor === undefined ? undefined : decodeCursor(cursor);
    // One extra row tells whether another page follows.
    const rows = await listAreas(c.var.deps.database.db, { limit: limit + 1, afterSlug });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: page.map(toArea), nextCursor: rows.length > limit && last ? encodeCursor(last.slug) : null }, 200);
  });
}
