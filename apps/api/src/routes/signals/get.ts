import { signalDetailSchema, signalIdParamsSchema } from '@autonomy/contracts';
import { getSignal, listIncidentEvents, listSignalEvents } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { etagOf } from '../etag.ts';
import { toHistoryEvent } from '../../services/incidents.ts';
import { toSignal } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/signals/{id}',
  tags: ['Signals'],
  summary: "One signal with its explanation and history (its incident's, when it belongs to one: the decisions are the incident's)",
  request: { params: signalIdParamsSchema },
  responses: { 200: jsonContentWithEtag(signalDetailSchema, 'The signal; its ETag goes in If-Match when deciding on it'), ...problemResponses(401, 404, 422) },
});

export function registerGetSignal(app: App): void {
  app.openapi(route, async (c) => {
    const db = c.var.deps.database.db;
    const { id } = c.req.valid('param');
    const signal = await getSignal(db, id);
    if (!signal) throw new ApiError('not_found', `There is no signal ${id}.`);
    const history = signal.incidentId
      ? (await listIncidentEvents(db, signal.incidentId)).map(({ month: _month, ...event }) => toHistoryEvent(event))
      : (await listSignalEvents(db, id)).map(toHistoryEvent);
    c.header('ETag', etagOf(signal));
    return c.json({ ...toSignal(signal), history }, 200);
  });
}
