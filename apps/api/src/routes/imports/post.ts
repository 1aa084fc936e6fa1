import { importQuerySchema, importResultSchema, type MetricsCsvRow, parseMetricsCsv } from '@autonomy/contracts';
import { monthOf } from '@autonomy/domain';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize } from '../../auth/authorize.ts';
import type { AppEnv, App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { importFigures } from '../../services/imports.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/imports/metrics',
  tags: ['Figures'],
  summary: 'Import monthly figures from CSV (the brief\'s format), for months up to the current one; all rows or none. `dryRun=true` only validates.',
  request: {
    query: importQuerySchema,
    body: { required: true, content: { 'text/csv': { schema: z.string() } } },
  },
  responses: {
    200: jsonContent(importResultSchema, 'Imported (or, with dryRun, would import) this many rows'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export function registerImportMetrics(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { dryRun } = c.req.valid('query');
    const { now = () => new Date() } = c.var.deps;
    const rows = parseRows(await readCsvBody(c), monthOf(now()));
    for (const slug of new Set(rows.map((row) => row.areaSlug))) authorize(actor, 'metrics.import', slug);
    const counts = await importFigures(c.var.deps.database.db, { rows, dryRun, actor, now: now() });
    return c.json({ dryRun, rows: rows.length, ...counts }, 200);
  });
}

async function readCsvBody(c: Context<AppEnv>): Promise<string> {
  const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'text/csv') {
    throw new ApiError('unsupported_media_type', 'Send the file as Content-Type: text/csv.');
  }
  const bytes = await c.req.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('malformed_request', 'The file is not valid UTF-8 text; save it as CSV UTF-8 and try again.');
  }
}

function parseRows(text: string, currentMonth: string): MetricsCsvRow[] {
  const parsed = parseMetricsCsv(text, { latestMonth: currentMonth });
  if (parsed.ok) return parsed.rows;
  throw new ApiError(parsed.kind === 'unparseable' ? 'malformed_request' : 'invalid_input', parsed.detail, parsed.errors);
}
