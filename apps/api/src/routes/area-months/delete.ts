import { areaMonthParamsSchema } from '@autonomy/contracts';
import { deleteAreaMonth, getAreaMonth, lockAreas, recordAuditEvent } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { loadDriftSettings } from '../../services/drift-settings.ts';
import { recomputeSignals } from '../../services/signals.ts';
import { requireArea } from '../areas/shared.ts';
import { etagOf, ifMatchAccepts, staleEtag } from '../etag.ts';
import { toAreaMonth } from './shared.ts';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/areas/{slug}/months/{month}',
  tags: ['Figures'],
  summary:
    "Remove one area's figures for one month, e.g. a month entered by mistake (the area's leads and admins). Send If-Match " +
    'with the ETag you read so figures changed since are not removed; the audit log keeps what was removed',
  request: { params: areaMonthParamsSchema, headers: ifMatchHeaders },
  responses: {
    204: { description: 'The figures were removed, and the area’s signals recomputed without them' },
    ...problemResponses(401, 403, 404, 412, 422),
  },
});

export function registerDeleteAreaMonth(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug, month } = c.req.valid('param');
    const ifMatch = c.req.header('if-match');
    const { now = () => new Date() } = c.var.deps;

    await c.var.deps.database.db.transaction(async (tx) => {
      const area = await requireArea(tx, slug);
      authorize(actor, 'figures.write', slug);
      await lockAreas(tx, [area.id]);
      const before = await getAreaMonth(tx, area.id, month);
      if (!before) throw new ApiError('not_found', `Area "${slug}" has no figures for ${month}.`);
      if (!ifMatchAccepts(ifMatch, before)) {
        throw staleEtag(`These figures changed since you read them (now ${etagOf(before)}); reload them before removing them.`);
      }
      const removed = await deleteAreaMonth(tx, { areaId: area.id, month, expectedVersion: before.version });
      if (!removed) throw staleEtag('Someone else changed these figures at the same moment; reload them before removing them.');
      await recordAuditEvent(tx, {
        actor,
        action: 'figures.deleted',
        areaSlug: slug,
        subject: month,
        before: toAreaMonth(slug, removed),
        after: null,
      });
      // The month's findings no longer hold, and its neighbours' windows may have lost a month.
      const { settings } = await loadDriftSettings(tx);
      await recomputeSignals(tx, settings, { areaIds: [area.id] }, now());
    });
    return c.body(null, 204);
  });
}
