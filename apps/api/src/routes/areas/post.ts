import { areaSchema, createAreaSchema } from '@autonomy/contracts';
import { createArea, getAreaBySlug, recordAuditEvent, setAreaLead } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { resolveLead } from './lead.ts';
import { toArea } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/areas',
  tags: ['Areas'],
  summary: 'Create an area (admins only)',
  request: { body: jsonBody(createAreaSchema) },
  responses: { 201: jsonContent(areaSchema, 'The new area'), ...problemResponses(400, 401, 403, 409, 422) },
});

export function registerCreateArea(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'area.create');
    const { leadEmail, ...fields } = c.req.valid('json');
    const area = await c.var.deps.database.db.transaction(async (tx) => {
      const leadId = await resolveLead(tx, leadEmail);
      const created = await createArea(tx, fields);
      if (!created) throw new ApiError('conflict', `An area with the slug "${fields.slug}" already exists.`);
      if (leadId) await setAreaLead(tx, created.id, leadId);
      const area = await getAreaBySlug(tx, created.slug);
      if (!area) throw new Error('the new area vanished');
      await recordAuditEvent(tx, { actor, action: 'area.created', areaSlug: area.slug, after: toArea(area) });
      return area;
    });
    return c.json(toArea(area), 201);
  });
}
