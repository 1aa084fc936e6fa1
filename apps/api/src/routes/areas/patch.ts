import { areaSchema, areaSlugParamsSchema, updateAreaSchema } from '@autonomy/contracts';
import { lockAreas, recordAuditEvent, setAreaLeads, updateArea } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { etagOf, ifMatchAccepts, staleEtag } from '../etag.ts';
import { resolveLeads } from './lead.ts';
import { reloadArea, requireArea, toArea } from './shared.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/areas/{slug}',
  tags: ['Areas'],
  summary:
    "Change an area: its leads may edit name and description; admins also its leads and status. Send If-Match with the ETag you read so nobody's change is overwritten",
  request: {
    params: areaSlugParamsSchema,
    headers: ifMatchHeaders,
    body: jsonBody(updateAreaSchema),
  },
  responses: {
    200: jsonContentWithEtag(areaSchema, 'The changed area'),
    ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
  },
});

export function registerUpdateArea(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug } = c.req.valid('param');
    const { leadEmail, leadEmails, status, ...details } = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    const area = await c.var.deps.database.db.transaction(async (tx) => {
      const found = await requireArea(tx, slug);
      authorize(actor, 'area.edit', slug, found.name);
      // Locked, then read: nobody can change the area between the If-Match check and the write.
      await lockAreas(tx, [found.id]);
      const before = await reloadArea(tx, slug);
      if (leadEmail !== undefined || leadEmails !== undefined || status !== undefined) authorize(actor, 'area.administer', slug, before.name);
      if (!ifMatchAccepts(ifMatch, before)) {
        throw staleEtag(`This area changed since you read it (now ${etagOf(before)}); reload and apply your change again.`);
      }
      const leadIds = await resolveLeads(tx, { leadEmail, leadEmails });
      await updateArea(tx, before.id, { ...details, ...(status ? { status } : {}) });
      if (leadIds) await setAreaLeads(tx, before.id, leadIds);
      const after = await reloadArea(tx, slug);
      await recordAuditEvent(tx, { actor, action: 'area.updated', areaSlug: slug, before: toArea(before), after: toArea(after) });
      return after;
    });
    c.header('ETag', etagOf(area));
    return c.json(toArea(area), 200);
  });
}
