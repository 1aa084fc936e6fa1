import { portfolioQuerySchema, portfolioSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { computePortfolio } from '../../services/portfolio.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/portfolio',
  tags: ['Portfolio'],
  summary: 'Organisation indices, one row per active area with figures in the month, and the active areas that have not reported',
  description:
    'Every area active in the month is accounted for: `areas` (with figures) and `notReported`, counted in `coverage`. An area is active from the earlier of its first month with figures and the month it was created, until archived. Without `month`, the default month: the newest in which at least half of the areas active then have figures; `monthCoverage` labels the newer months in progress.',
  request: { query: portfolioQuerySchema },
  responses: { 200: jsonContent(portfolioSchema, 'The portfolio for the month'), ...problemResponses(401, 422) },
});

export function registerGetPortfolio(app: App): void {
  app.openapi(route, async (c) => {
    return c.json(await computePortfolio(c.var.deps.database.db, c.req.valid('query').month), 200);
  });
}
