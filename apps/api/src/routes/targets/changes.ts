import { areaSlugParamsSchema, targetChangeListQuerySchema, targetChangeListSchema } from '@autonomy/contracts';
import { listTargetChanges } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { requireArea } from '../areas/shared.ts';
import { decodeIdCursor, encodeIdCursor } from '../cursor.ts';
import { toTargetChange } from '../../services/target-change-response.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/areas/{slug}/targets/changes',
  tags: ['Targets'],
  summary: "The history of an area's revenue targets, newest first: who changed which months, from what, to what, and why",
  request: { params: areaSlugParamsSchema, query: targetChangeListQuerySchema },
  responses: { 200: jsonContent(targetChangeListSchema, 'A page of target changes'), ...problemResponses(401, 404, 422) },
});

export function registerListTargetChanges(app: App): void {
  app.openapi(route, async (c) => {
    const db = c.var.deps.database.db;
    const { limit, cursor } = c.req.valid('query');
    const area = await requireArea(db, c.req.valid('param').slug);
    const beforeId = cursor === undefined ? undefined : decodeIdCursor(cursor);
    // One extra row tells whether another page follows.
    const rows = await listTargetChanges(db, area.id, { limit: limit + 1, beforeId });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({ items: page.map(toTargetChange), nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null }, 200);
  });
}
