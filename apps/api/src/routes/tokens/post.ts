import { createdTokenSchema, createTokenSchema } from '@autonomy/contracts';
import { createApiToken, recordAuditEvent } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import { newSecret } from '../../auth/secrets.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/tokens',
  tags: ['Auth'],
  summary: 'Create a personal API token, shown once; send it as `Authorization: Bearer …`',
  request: { body: jsonBody(createTokenSchema) },
  responses: { 201: jsonContent(createdTokenSchema, 'The new token'), ...problemResponses(400, 401, 403, 413, 415, 422) },
});

export function registerCreateToken(app: App): void {
  app.openapi(route, async (c) => {
    const user = c.var.user;
    authorize(user, 'token.create');
    const { name } = c.req.valid('json');
    const { secret, hash } = newSecret('adt_');
    const db = c.var.deps.database.db;
    const token = await db.transaction(async (tx) => {
      const created = await createApiToken(tx, { userId: user.id, name, tokenHash: hash });
      await recordAuditEvent(tx, { actor: user, action: 'token.created', subject: created.id, after: { name } });
      return created;
    });
    return c.json({ ...token, token: secret }, 201);
  });
}
