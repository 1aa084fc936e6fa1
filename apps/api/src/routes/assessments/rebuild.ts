import { reassessReportSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { afterBulkWrite } from '../../services/bulk-writes.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { rebuildAssessments } from '../../services/assessments.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/assessments/rebuild',
  tags: ['Settings'],
  summary:
    'Rebuild every stored assessment (indices, deltas, drift) from the figures under the current settings and report ' +
    'any that differed from what was stored (admins only; audited). Writes wait while it runs.',
  responses: { 200: jsonContent(reassessReportSchema, 'What was rebuilt and what differed'), ...problemResponses(401, 403) },
});

export function registerRebuildAssessments(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'assessments.rebuild');
    const { now = () => new Date() } = c.var.deps;
    const report = await rebuildAssessments(c.var.deps.database.db, now(), actor);
    afterBulkWrite(c.var.deps.database, report.months);
    return c.json(report, 200);
  });
}
