import { formatMetricsCsv } from '@autonomy/contracts';
import { listAreaFigures } from '@autonomy/db';
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { problemResponses } from '../../errors/openapi.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/exports/metrics',
  tags: ['Figures'],
  summary: 'Every area month as CSV, in the import format',
  responses: {
    200: { description: 'The CSV file', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(401),
  },
});

export function registerExportMetrics(app: App): void {
  app.openapi(route, async (c) => {
    const rows = await listAreaFigures(c.var.deps.database.db);
    const csv = formatMetricsCsv(rows.map(({ areaSlug, areaName, ...figures }) => ({ ...figures, areaSlug, areaName })));
    c.header('Content-Disposition', 'attachment; filename="area-metrics.csv"');
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
}
