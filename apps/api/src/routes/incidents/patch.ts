import { decideIncidentSchema, incidentDetailSchema, incidentIdParamsSchema } from '@autonomy/contracts';
import { getIncident } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { decideOnIncident, incidentDetail } from '../../services/incidents.ts';
import { etagOf, ifMatchAccepts, staleEtag } from '../etag.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/incidents/{id}',
  tags: ['Signals'],
  summary:
    'Acknowledge, dismiss (with a reason, optionally `until` a month: a snooze), resolve or reopen an incident ' +
    '(executives and admins). The decision holds across its months until a rise in severity, the end of a snooze or ' +
    'the data moves it. Send If-Match with its ETag so a decision taken meanwhile is not overwritten',
  request: { params: incidentIdParamsSchema, headers: ifMatchHeaders, body: jsonBody(decideIncidentSchema) },
  responses: {
    200: jsonContentWithEtag(incidentDetailSchema, 'The incident with its new status'),
    ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
  },
});

export function registerDecideIncident(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'signal.manage');
    const { id } = c.req.valid('param');
    const decision = c.req.valid('json');
    const { database, now = () => new Date() } = c.var.deps;
    const ifMatch = c.req.header('if-match');
    const { detail, version } = await database.db.transaction(async (tx) => {
      const incident = await getIncident(tx, id);
      if (!incident) throw new ApiError('not_found', `There is no incident ${id}.`);
      if (!ifMatchAccepts(ifMatch, incident)) {
        throw staleEtag(`This incident changed since you read it (now ${incident.status}); reload it and decide again.`);
      }
      await decideOnIncident(tx, incident, decision, incident.version, actor, now());
      return incidentDetail(tx, id);
    });
    c.header('ETag', etagOf({ version }));
    return c.json(detail, 200);
  });
}
