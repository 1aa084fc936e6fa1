import { areaMonthFiguresSchema, areaMonthParamsSchema, areaMonthSchema, monthNotBegunMessage } from '@autonomy/contracts';
import { getAreaMonth, listMonthTargets, lockAreas, putAreaMonth, recordAuditEvent, recordTargetChange, TARGET_REASON_BY_SOURCE } from '@autonomy/db';
import { monthOf } from '@autonomy/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { loadDriftSettings } from '../../services/drift-settings.ts';
import { recomputeSignals } from '../../services/signals.ts';
import { requireArea } from '../areas/shared.ts';
import { etagOf, parseIfMatch, staleEtag } from '../etag.ts';
import { holdsAlready } from '../unchanged.ts';
import { toAreaMonth } from './shared.ts';

const route = createRoute({
  method: 'put',
  path: '/api/v1/areas/{slug}/months/{month}',
  tags: ['Figures'],
  summary:
    "Write one area's figures for one month (up to the current month); send If-Match with the ETag you read (or If-None-Match: * to create only) so nobody's change is overwritten",
  request: {
    params: areaMonthParamsSchema,
    headers: ifMatchHeaders.extend({ 'if-none-match': z.literal('*').optional() }),
    body: jsonBody(areaMonthFiguresSchema),
  },
  responses: {
    200: jsonContentWithEtag(areaMonthSchema, 'The figures were replaced'),
    201: jsonContentWithEtag(areaMonthSchema, 'The figures were created'),
    ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
  },
});

export function registerPutAreaMonth(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug, month } = c.req.valid('param');
    const figures = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    const createOnly = c.req.header('if-none-match') === '*';
    const { now = () => new Date() } = c.var.deps;
    const currentMonth = monthOf(now());
    if (month > currentMonth) {
      throw new ApiError('invalid_input', `${month} has not begun yet; figures can be kept for months up to ${currentMonth}.`, [
        { path: 'path.month', message: monthNotBegunMessage('month', month, currentMonth) },
      ]);
    }

    const result = await c.var.deps.database.db.transaction(async (tx) => {
      const area = await requireArea(tx, slug);
      authorize(actor, 'figures.write', slug);
      await lockAreas(tx, [area.id]);
      const before = await getAreaMonth(tx, area.id, month);
      if (createOnly && before) {
        throw staleEtag(`Someone else added figures for ${month} in the meantime (now ${etagOf(before)}); reload them.`);
      }
      let expectedVersion: number | undefined;
      if (ifMatch !== undefined) {
        const accepted = parseIfMatch(ifMatch);
        if (!before) throw staleEtag(`Area "${slug}" has no figures for ${month} yet, so If-Match cannot match.`);
        if (accepted !== '*' && !accepted.has(before.version)) {
          throw staleEtag(`These figures changed since you read them (now ${etagOf(before)}); reload and apply your change again.`);
        }
        expectedVersion = before.version;
      }
      if (before && holdsAlready(before, figures)) return { outcome: 'updated' as const, row: before };
      // The month's target until now: its figures', or, for a new month, the one planned for it.
      const targetBefore = before?.revenueTarget ?? (await listMonthTargets(tx, area.id, { from: month, to: month }))[0]?.revenueTarget;
      const written = await putAreaMonth(tx, { areaId: area.id, month, figures, userId: actor.id, expectedVersion, createOnly });
      if (written.outcome === 'version_mismatch') {
        throw staleEtag('Someone else changed these figures at the same moment; reload and apply your change again.');
      }
      if (targetBefore !== undefined && targetBefore !== written.row.revenueTarget) {
        await recordTargetChange(tx, {
          areaId: area.id,
          from: month,
          to: month,
          revenueTarget: written.row.revenueTarget,
          reason: TARGET_REASON_BY_SOURCE.figures,
          source: 'figures',
          previous: [{ month, revenueTarget: targetBefore }],
          actor,
        });
      }
      await recordAuditEvent(tx, {
        actor,
        action: written.outcome === 'created' ? 'figures.created' : 'figures.updated',
        areaSlug: slug,
        subject: month,
        before: before ? toAreaMonth(slug, before) : null,
        after: toAreaMonth(slug, written.row),
      });
      // Only this area's findings can change: its months are assessed on their own.
      const { settings } = await loadDriftSettings(tx);
      await recomputeSignals(tx, settings, { areaIds: [area.id] }, now());
      return written;
    });

    c.header('ETag', etagOf(result.row));
    const body = toAreaMonth(slug, result.row);
    return result.outcome === 'created' ? c.json(body, 201) : c.json(body, 200);
  });
}
