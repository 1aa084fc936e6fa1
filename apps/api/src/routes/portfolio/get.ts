import { portfolioQuerySchema, portfolioSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { computePortfolio } from '../../services/portfolio.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/portfolio',
  tags: ['Portfolio'],
  summary: 'Organisation indices and one row per active area with figures in the month (default: the latest month)',
  request: { query: portfolioQuerySchema },
  responses: { 200: jsonContent(portfolioSchema, 'The portfolio for the month'), ...problemResponses(401, 422) },
});

export function registerGetPortfolio(app: App): void {
  app.openapi(route, async (c) => {
    return c.json(await computePortfolio(c.var.deps.database.db, c.req.valid('query').month), 200);
  });
}
