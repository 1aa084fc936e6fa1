import { type ExportQuery, exportQuerySchema, formatMetricsCsv } from '@autonomy/contracts';
import { type AreaFiguresRow, type Database, existingAreaSlugs, listAreaFigures } from '@autonomy/db';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AuthenticatedUser } from '../../context.ts';
import { problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/exports/metrics',
  tags: ['Figures'],
  summary:
    'Area months as CSV, in the import format: every one, or some areas (`areas`, `mine=true`) and months (`from`, `to`); `template=true` for the header alone',
  request: { query: exportQuerySchema },
  responses: {
    200: { description: 'The CSV file', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(401, 422),
  },
});

export function registerExportMetrics(app: App): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const rows = query.template ? [] : await rowsToExport(c.var.deps.database.db, c.var.user, query);
    const csv = formatMetricsCsv(rows.map(({ areaSlug, areaName, ...figures }) => ({ ...figures, areaSlug, areaName })));
    c.header('Content-Disposition', `attachment; filename="${fileName(query, rows)}"`);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
}

async function rowsToExport(db: Database, user: AuthenticatedUser, query: ExportQuery): Promise<AreaFiguresRow[]> {
  let slugs = query.areas;
  if (slugs) {
    const known = await existingAreaSlugs(db, slugs);
    const unknown = slugs.filter((slug) => !known.has(slug));
    if (unknown.length > 0) {
      throw new ApiError('invalid_input', `No area is called ${unknown.map((slug) => `"${slug}"`).join(', ')}; nothing was exported.`, [
        { path: 'areas', message: `unknown ${unknown.length === 1 ? 'area' : 'areas'}: ${unknown.join(', ')}` },
      ]);
    }
  }
  if (query.mine) {
    if (user.areaSlugs.length === 0) {
      throw new ApiError('invalid_input', 'You lead no area, so "my areas" holds nothing to export.', [{ path: 'mine', message: 'you lead no area' }]);
    }
    slugs = slugs ? slugs.filter((slug) => user.areaSlugs.includes(slug)) : user.areaSlugs;
  }
  return listAreaFigures(db, { areaSlugs: slugs, fromMonth: query.from, upToMonth: query.to });
}

/** `area-metrics_2024-01_to_2026-11.csv`: the months it holds, so two downloads are told apart. */
function fileName(query: ExportQuery, rows: readonly AreaFiguresRow[]): string {
  if (query.template) return 'area-metrics_template.csv';
  if (rows.length === 0) return 'area-metrics_empty.csv';
  let first = rows[0]!.month;
  let last = first;
  for (const { month } of rows) {
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const range = first === last ? first : `${first}_to_${last}`;
  const areas = query.mine ? '_my-areas' : query.areas ? `_${query.areas.length === 1 ? query.areas[0] : `${query.areas.length}-areas`}` : '';
  return `area-metrics${areas}_${range}.csv`;
}
