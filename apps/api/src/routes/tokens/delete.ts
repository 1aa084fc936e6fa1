import { tokenIdParamsSchema } from '@autonomy/contracts';
import { getApiToken, getUserAccount, recordAuditEvent, revokeApiToken } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/tokens/{id}',
  tags: ['Auth'],
  summary: 'Revoke an API token: it stops working at once. Your own, or anyone’s for admins. Revoking twice is harmless.',
  request: { params: tokenIdParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404, 422) },
});

export function registerRevokeToken(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'token.manage_own');
    const { id } = c.req.valid('param');
    const now = c.var.deps.now?.() ?? new Date();
    await c.var.deps.database.db.transaction(async (tx) => {
      const token = await getApiToken(tx, id);
      if (!token) throw new ApiError('not_found', `There is no API token ${id}.`);
      if (token.userId !== actor.id) authorize(actor, 'token.revoke_any');
      const revoked = await revokeApiToken(tx, id, now);
      // Already revoked: nothing changed, so there is nothing to record.
      if (!revoked) return;
      const ownerEmail = token.userId === actor.id ? actor.email : (await getUserAccount(tx, token.userId))?.email;
      await recordAuditEvent(tx, {
        actor,
        action: 'token.revoked',
        subject: id,
        before: { name: token.name, ownerEmail, revokedAt: null },
        after: { name: token.name, ownerEmail, revokedAt: now.toISOString() },
      });
    });
    return c.body(null, 204);
  });
}
