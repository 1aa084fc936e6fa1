import { areaSchema, createAreaSchema } from '@autonomy/contracts';
import { createArea, recordAuditEvent, setAreaLeads } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { etagOf } from '../etag.ts';
import { resolveLeads } from './lead.ts';
import { reloadArea, toArea } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/areas',
  tags: ['Areas'],
  summary: 'Create an area (admins only); name its lead with leadEmail, or several with leadEmails',
  request: { body: jsonBody(createAreaSchema) },
  responses: {
    201: jsonContentWithEtag(areaSchema, 'The new area'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export function registerCreateArea(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'area.create');
    const { leadEmail, leadEmails, ...fields } = c.req.valid('json');
    const area = await c.var.deps.database.db.transaction(async (tx) => {
      const leadIds = await resolveLeads(tx, { leadEmail, leadEmails });
      const created = await createArea(tx, fields);
      if (!created) throw new ApiError('conflict', `An area with the slug "${fields.slug}" already exists.`);
      if (leadIds) await setAreaLeads(tx, created.id, leadIds);
      const area = await reloadArea(tx, created.slug);
      await recordAuditEvent(tx, { actor, action: 'area.created', areaSlug: area.slug, after: toArea(area) });
      return area;
    });
    c.header('ETag', etagOf(area));
    return c.json(toArea(area), 201);
  });
}
