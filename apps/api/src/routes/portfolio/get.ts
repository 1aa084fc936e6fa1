import { portfolioQuerySchema, portfolioSchema } from '@autonomy/contracts';
import { listMonthsWithFigures } from '@autonomy/db';
import { summariseOrganisation } from '@autonomy/domain';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { loadDriftSettings } from '../../services/drift-settings.ts';
import { assessActiveAreasUpTo, toPortfolioRow } from '../../services/indices.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/portfolio',
  tags: ['Portfolio'],
  summary: 'Organisation indices and one row per active area with figures in the month (default: the latest month)',
  request: { query: portfolioQuerySchema },
  responses: { 200: jsonContent(portfolioSchema, 'The portfolio for the month'), ...problemResponses(401, 422) },
});

const emptyOrganisation = {
  ownershipIndex: null,
  centralisationIndex: null,
  ownershipDelta: null,
  centralisationDelta: null,
  areasWithFigures: 0,
  areasWithCompleteWindow: 0,
  areasInDrift: 0,
  shareInDrift: null,
};

export function registerGetPortfolio(app: App): void {
  app.openapi(route, async (c) => {
    const db = c.var.deps.database.db;
    const months = await listMonthsWithFigures(db);
    const month = c.req.valid('query').month ?? months[0];
    const { settings } = await loadDriftSettings(db);
    const rules = {
      windowMonths: settings.windowMonths,
      ownershipFallThreshold: settings.ownershipFallThreshold,
      centralisationRiseThreshold: settings.centralisationRiseThreshold,
    };
    if (!month) return c.json({ month: null, rules, months, organisation: emptyOrganisation, areas: [] }, 200);
    const rows = [];
    const assessmentsThisMonth = [];
    for (const area of await assessActiveAreasUpTo(db, month, settings)) {
      const assessment = area.assessments.find((candidate) => candidate.month === month);
      if (!assessment) continue;
      assessmentsThisMonth.push(assessment);
      rows.push(toPortfolioRow(area, assessment));
    }
    const { month: _month, ...organisation } = summariseOrganisation(month, assessmentsThisMonth);
    return c.json({ month, rules, months, organisation, areas: rows }, 200);
  });
}
