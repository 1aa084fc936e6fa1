import { areaSlugParamsSchema, targetChangeRequestSchema, targetChangeResultSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { setAreaTargets } from '../../services/targets.ts';
import { authorizeOnArea } from '../areas/shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/areas/{slug}/targets',
  tags: ['Targets'],
  summary:
    'Set the revenue target of one month, or of every month from `from` to `to`, with a reason. Months with figures ' +
    'take it at once (their ETag changes); months without figures keep it as their planned target.',
  request: { params: areaSlugParamsSchema, body: jsonBody(targetChangeRequestSchema) },
  responses: { 201: jsonContent(targetChangeResultSchema, 'The change, and the target of each month it covers'), ...problemResponses(400, 401, 403, 404, 413, 415, 422) },
});

export function registerChangeTargets(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug } = c.req.valid('param');
    const { from, to = from, revenueTarget, reason } = c.req.valid('json');
    const { now = () => new Date() } = c.var.deps;

    await authorizeOnArea(c.var.deps.database.db, actor, 'targets.write', slug);
    const result = await setAreaTargets(c.var.deps.database.db, { slug, from, to, revenueTarget, reason, actor, now: now() });
    return c.json(result, 201);
  });
}
