import { importQuerySchema, importResultSchema, type MetricsCsvRow, parseMetricsCsv } from '@autonomy/contracts';
import { importAreaMonths, recordAuditEvent } from '@autonomy/db';
import { monthOf } from '@autonomy/domain';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize } from '../../auth/authorize.ts';
import type { AppEnv, App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { loadDriftSettings } from '../../services/drift-settings.ts';
import { recomputeSignals } from '../../services/signals.ts';
import { summariseImportByArea } from './import-summary.ts';

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

/** Thrown inside the transaction to undo a dry run after it has been checked against the database. */
class DryRunRollback extends Error {}

export function registerImportMetrics(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { dryRun } = c.req.valid('query');
    const { now = () => new Date() } = c.var.deps;
    const rows = parseRows(await readCsvBody(c), monthOf(now()));
    for (const slug of new Set(rows.map((row) => row.areaSlug))) authorize(actor, 'metrics.import', slug);

    const db = c.var.deps.database.db;
    let outcome: Awaited<ReturnType<typeof importAreaMonths>> | undefined;
    try {
      await db.transaction(async (tx) => {
        outcome = await importAreaMonths(tx, rows, actor.id);
        if (dryRun) throw new DryRunRollback();
        const { settings } = await loadDriftSettings(tx);
        await recomputeSignals(tx, settings, { areaIds: outcome.areaIds }, now());
        const { areaIds: _areaIds, createdAreaSlugs, ...counts } = outcome;
        const areas = summariseImportByArea(rows, new Set(createdAreaSlugs));
        const areaSlugs = areas.map((area) => area.slug);
        // One event for the whole file, listed in every area it touched; it belongs to one area
        // only when the file holds just that area, like any other single-area write.
        await recordAuditEvent(tx, {
          actor,
          action: 'metrics.imported',
          areaSlug: areaSlugs.length === 1 ? areaSlugs[0] : null,
          areaSlugs,
          after: { rows: rows.length, ...counts, areas },
        });
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    if (!outcome) throw new Error('the import finished without an outcome');
    const { areasCreated, monthsCreated, monthsUpdated } = outcome;
    return c.json({ dryRun, rows: rows.length, areasCreated, monthsCreated, monthsUpdated }, 200);
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
