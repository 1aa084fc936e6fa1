import { importJobParamsSchema, importJobQuerySchema, importJobSchema } from '@autonomy/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { readImportJob, startImportJob } from '../../services/import-jobs.ts';
import { readFileToImport } from './scope.ts';

const start = createRoute({
  method: 'post',
  path: '/api/v1/imports/metrics/jobs',
  tags: ['Figures'],
  summary:
    'The CSV import as a background job for the dashboard: the file is read and checked as it arrives (a bad one is refused at once, as by the synchronous route), then imported while the client polls the job',
  request: {
    query: importJobQuerySchema,
    body: { required: true, content: { 'text/csv': { schema: z.string() } } },
  },
  responses: {
    202: { ...jsonContent(importJobSchema, 'The import runs; poll its Location'), headers: z.object({ Location: z.string() }) },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/v1/imports/jobs/{id}',
  tags: ['Figures'],
  summary: 'An import job: its progress while it runs, then its result or why it failed (for whoever started it, and admins)',
  request: { params: importJobParamsSchema },
  responses: {
    200: jsonContent(importJobSchema, 'The job'),
    ...problemResponses(401, 403, 404, 422),
  },
});

export function registerImportJobs(app: App): void {
  app.openapi(start, async (c) => {
    const actor = c.var.user;
    const { dryRun, scope, fileName } = c.req.valid('query');
    const { now = () => new Date() } = c.var.deps;
    const { rows, skipped, warnings } = await readFileToImport(c, scope, now());
    const job = await startImportJob(c.var.deps.database, { rows, dryRun, fileName, skipped, warnings, actor, now });
    c.header('Location', `/api/v1/imports/jobs/${job.id}`);
    return c.json(job, 202);
  });

  app.openapi(read, async (c) => {
    const { now = () => new Date() } = c.var.deps;
    const found = await readImportJob(c.var.deps.database.db, c.req.valid('param').id, now());
    if (!found) throw new ApiError('not_found', 'There is no such import job.');
    if (found.ownerId !== c.var.user.id) authorize(c.var.user, 'import.read_any');
    return c.json(found.job, 200);
  });
}
