import { areaSlugParamsSchema, targetChangeRequestSchema, targetChangeResultSchema } from '@autonomy/contracts';
import { changeTargets, recordAuditEvent } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { loadDriftSettings } from '../../services/drift-settings.ts';
import { recomputeSignals } from '../../services/signals.ts';
import { requireArea } from '../areas/shared.ts';
import { toTargetChange } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/areas/{slug}/targets',
  tags: ['Targets'],
  summary:
    'Set the revenue target of one month, or of every month from `from` to `to`, with a reason. Months with figures ' +
    'take it at once (their ETag changes); months without figures keep it as their planned target.',
  request: { params: areaSlugParamsSchema, body: jsonBody(targetChangeRequestSchema) },
  responses: { 201: jsonContent(targetChangeResultSchema, 'The change, and the target of each month it covers'), ...problemResponses(400, 401, 403, 404, 413, 415, 422) },
});

export function registerChangeTargets(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug } = c.req.valid('param');
    const { from, to = from, revenueTarget, reason } = c.req.valid('json');
    const { now = () => new Date() } = c.var.deps;

    const result = await c.var.deps.database.db.transaction(async (tx) => {
      const area = await requireArea(tx, slug);
      authorize(actor, 'targets.write', slug);
      const result = await changeTargets(tx, { areaId: area.id, from, to, revenueTarget, reason, actor });
      const change = toTargetChange(result.change);
      await recordAuditEvent(tx, {
        actor,
        action: 'targets.changed',
        areaSlug: slug,
        subject: from === to ? from : `${from}..${to}`,
        before: { previous: change.previous },
        after: { from, to, revenueTarget, reason },
      });
      // A new target can raise or clear a revenue miss in this area.
      const { settings } = await loadDriftSettings(tx);
      await recomputeSignals(tx, settings, { areaIds: [area.id] }, now());
      return { change, months: result.months };
    });
    return c.json(result, 201);
  });
}
