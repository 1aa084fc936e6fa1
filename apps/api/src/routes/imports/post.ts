import { importQuerySchema, importResultSchema } from '@autonomy/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { afterBulkWrite } from '../../services/bulk-writes.ts';
import { importFigures, toImportResult } from '../../services/imports.ts';
import { readFileToImport } from './scope.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/imports/metrics',
  tags: ['Figures'],
  summary:
    'Import monthly figures from CSV (the brief\'s format), for months up to the current one; all rows or none. `dryRun=true` only checks; `scope=mine` skips the rows of areas the user may not write.',
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
    const { dryRun, scope } = c.req.valid('query');
    const { now = () => new Date() } = c.var.deps;
    const { rows, skipped, warnings } = await readFileToImport(c, scope, now());
    const outcome = await importFigures(c.var.deps.database.db, { rows, dryRun, actor, now: now() });
    afterBulkWrite(c.var.deps.database, rows.length);
    return c.json(toImportResult({ rows: rows.length, dryRun, skipped, warnings }, outcome), 200);
  });
}
