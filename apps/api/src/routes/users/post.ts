import { createUserSchema, userAccountSchema } from '@autonomy/contracts';
import { createUser, getUserAccount, recordAuditEvent } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import { hashPassword } from '../../auth/secrets.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { etagOf } from '../etag.ts';
import { toUserAccount } from './shared.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/users',
  tags: ['Users'],
  summary: 'Create a user (admins only)',
  request: { body: jsonBody(createUserSchema) },
  responses: { 201: jsonContentWithEtag(userAccountSchema, 'The new user'), ...problemResponses(400, 401, 403, 409, 413, 415, 422) },
});

export function registerCreateUser(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'user.create');
    const { password, ...profile } = c.req.valid('json');
    const passwordHash = await hashPassword(password);
    const user = await c.var.deps.database.db.transaction(async (tx) => {
      const created = await createUser(tx, { ...profile, passwordHash });
      if (!created) throw new ApiError('conflict', `A user with the email ${profile.email} already exists.`);
      await recordAuditEvent(tx, { actor, action: 'user.created', subject: created.email, after: profile });
      const account = await getUserAccount(tx, created.id);
      if (!account) throw new Error('the new user vanished within its own transaction');
      return account;
    });
    c.header('ETag', etagOf(user));
    return c.json(toUserAccount(user), 201);
  });
}
