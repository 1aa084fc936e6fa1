import { areaMonthParamsSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { ifMatchHeaders, problemResponses } from '../../errors/openapi.ts';
import { authorizeOnArea } from '../areas/shared.ts';
import { removeFigures } from '../../services/figures.ts';
import { parseIfMatch } from '../etag.ts';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/areas/{slug}/months/{month}',
  tags: ['Figures'],
  summary:
    "Remove one area's figures for one month, e.g. a month entered by mistake (the area's leads and admins). Send If-Match " +
    'with the ETag you read so figures changed since are not removed; the audit log keeps what was removed',
  request: { params: areaMonthParamsSchema, headers: ifMatchHeaders },
  responses: {
    204: { description: 'The figures were removed, and the area’s signals recomputed without them' },
    ...problemResponses(401, 403, 404, 412, 422),
  },
});

export function registerDeleteAreaMonth(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug, month } = c.req.valid('param');
    const ifMatch = c.req.header('if-match');
    const { now = () => new Date() } = c.var.deps;
    await authorizeOnArea(c.var.deps.database.db, actor, 'figures.write', slug);
    await removeFigures(c.var.deps.database.db, {
      slug,
      month,
      expected: ifMatch === undefined ? undefined : parseIfMatch(ifMatch),
      actor,
      now: now(),
    });
    return c.body(null, 204);
  });
}
