import { driftSettingsSchema, settingsResponseSchema } from '@autonomy/contracts';
import { DEFAULT_SETTINGS, settingsProblems } from '@autonomy/domain';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { afterBulkWrite } from '../../services/bulk-writes.ts';
import { replaceDriftSettings } from '../../services/settings.ts';
import { etagOf, parseIfMatch } from '../etag.ts';

const route = createRoute({
  method: 'put',
  path: '/api/v1/settings',
  tags: ['Settings'],
  summary:
    'Replace the drift settings (admins only); every signal is recomputed under them. Send If-Match with the ETag you ' +
    "read so another admin's change is not overwritten",
  request: { headers: ifMatchHeaders, body: jsonBody(driftSettingsSchema) },
  responses: {
    200: jsonContentWithEtag(settingsResponseSchema, 'The new settings'),
    ...problemResponses(400, 401, 403, 412, 413, 415, 422),
  },
});

export function registerPutSettings(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'settings.write');
    const settings = c.req.valid('json');
    const problems = settingsProblems(settings);
    if (problems.length > 0) {
      throw new ApiError('invalid_input', 'These settings cannot be used; nothing was changed.', problems);
    }
    const { now = () => new Date() } = c.var.deps;
    const ifMatch = c.req.header('if-match');
    const at = now();
    const { version, monthsReassessed } = await replaceDriftSettings(c.var.deps.database.db, {
      settings,
      expected: ifMatch === undefined ? undefined : parseIfMatch(ifMatch),
      actor,
      now: at,
    });
    afterBulkWrite(c.var.deps.database, monthsReassessed);
    c.header('ETag', etagOf({ version }));
    return c.json({ settings, defaults: DEFAULT_SETTINGS, updatedAt: at.toISOString(), version }, 200);
  });
}
