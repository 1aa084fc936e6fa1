import { areaSchema, areaSlugParamsSchema, updateAreaSchema } from '@autonomy/contracts';
import { getAreaBySlug, recordAuditEvent, setAreaLead, updateArea } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { resolveLead } from './lead.ts';
import { requireArea, toArea } from './shared.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/areas/{slug}',
  tags: ['Areas'],
  summary: "Change an area: its leads may edit name and description; admins also its lead and status",
  request: { params: areaSlugParamsSchema, body: jsonBody(updateAreaSchema) },
  responses: { 200: jsonContent(areaSchema, 'The changed area'), ...problemResponses(400, 401, 403, 404, 422) },
});

export function registerUpdateArea(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug } = c.req.valid('param');
    const { leadEmail, status, ...details } = c.req.valid('json');
    const area = await c.var.deps.database.db.transaction(async (tx) => {
      const before = await requireArea(tx, slug);
      authorize(actor, 'area.edit', slug);
      if (leadEmail !== undefined || status !== undefined) authorize(actor, 'area.administer', slug);
      const leadId = await resolveLead(tx, leadEmail);
      await updateArea(tx, before.id, { ...details, ...(status ? { status } : {}) });
      if (leadId !== undefined) await setAreaLead(tx, before.id, leadId);
      const after = await getAreaBySlug(tx, slug);
      if (!after) throw new Error('the area vanished');
      await recordAuditEvent(tx, { actor, action: 'area.updated', areaSlug: slug, before: toArea(before), after: toArea(after) });
      return after;
    });
    return c.json(toArea(area), 200);
  });
}
