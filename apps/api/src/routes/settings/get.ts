import { settingsResponseSchema } from '@autonomy/contracts';
import { DEFAULT_SETTINGS } from '@autonomy/domain';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { loadDriftSettings } from '../../services/drift-settings.ts';
import { etagOf } from '../etag.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/settings',
  tags: ['Settings'],
  summary: "The organisation's drift settings (window, thresholds, weights, constants) and the defaults",
  responses: {
    200: jsonContentWithEtag(settingsResponseSchema, 'The settings; their ETag goes in If-Match when changing them'),
    ...problemResponses(401),
  },
});

export function registerGetSettings(app: App): void {
  app.openapi(route, async (c) => {
    const { settings, updatedAt, version } = await loadDriftSettings(c.var.deps.database.db);
    c.header('ETag', etagOf({ version }));
    return c.json({ settings, defaults: DEFAULT_SETTINGS, updatedAt: updatedAt?.toISOString() ?? null, version }, 200);
  });
}
