import { signalIdParamsSchema, signalSchema, updateSignalStatusSchema } from '@autonomy/contracts';
import { getIncident, getSignal, recordAuditEvent, setSignalStatus } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { etagOf, ifMatchAccepts, staleEtag } from '../etag.ts';
import { decideOnIncident } from '../../services/incidents.ts';
import { toSignal } from './shared.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/signals/{id}',
  tags: ['Signals'],
  summary:
    'Acknowledge, resolve, dismiss (with a reason, optionally `until` a month: a snooze) or reopen a signal (executives and ' +
    "admins): the decision is its incident's, so it carries across the incident's months (see /incidents). Send If-Match " +
    "with the signal's ETag (or its version) so a decision taken meanwhile is not overwritten",
  request: {
    params: signalIdParamsSchema,
    headers: ifMatchHeaders,
    body: jsonBody(updateSignalStatusSchema),
  },
  responses: {
    200: jsonContentWithEtag(signalSchema, 'The signal with its new status'),
    ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
  },
});

export function registerUpdateSignal(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'signal.manage');
    const { id } = c.req.valid('param');
    const decision = c.req.valid('json');
    const { status, reason } = decision;
    const { now = () => new Date() } = c.var.deps;
    const ifMatch = c.req.header('if-match');
    const signal = await c.var.deps.database.db.transaction(async (tx) => {
      const before = await getSignal(tx, id);
      if (!before) throw new ApiError('not_found', `There is no signal ${id}.`);
      if (before.status === 'cleared') {
        throw new ApiError('conflict', 'The data cleared this signal: the finding no longer holds, so there is nothing to decide.');
      }
      if (!ifMatchAccepts(ifMatch, before)) {
        throw staleEtag(`This signal changed since you read it (now ${before.status}); reload it and decide again.`);
      }
      const incident = before.incidentId ? await getIncident(tx, before.incidentId) : undefined;
      if (incident) {
        // Always against the versions just read: a recomputation meanwhile must not be overwritten.
        await decideOnIncident(tx, incident, decision, incident.version, actor, now());
      } else {
        if (decision.until !== undefined) throw new ApiError('conflict', 'This signal belongs to no incident, so it cannot be snoozed.');
        const decided = await setSignalStatus(tx, { id, from: before.status, to: status, reason: reason ?? null, actor, expectedVersion: before.version }, now());
        if (!decided) throw staleEtag('Someone else decided on this signal at the same moment; reload it and decide again.');
      }
      const after = await getSignal(tx, id);
      if (!after) throw new Error('the signal vanished');
      await recordAuditEvent(tx, {
        actor,
        action: 'signal.status_changed',
        areaSlug: before.areaSlug,
        subject: `${before.kind} ${before.month}`,
        before: { status: before.status, reason: before.statusReason },
        after: { status: after.status, reason: after.statusReason },
      });
      return after;
    });
    c.header('ETag', etagOf(signal));
    return c.json(toSignal(signal), 200);
  });
}
