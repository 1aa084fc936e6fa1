import { changePasswordSchema } from '@autonomy/contracts';
import { deleteUserSessions, getUserAccount, getUserByEmail, recordAuditEvent, updateUser } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { clientAddress, throttledAddress } from '../../auth/client-address.ts';
import { type LoginThrottle, throttledRefusal } from '../../auth/login-throttle.ts';
import { hashPassword, hashSecret, verifyPassword } from '../../auth/secrets.ts';
import { readSessionCookie } from '../../auth/session-cookie.ts';
import type { App } from '../../context.ts';
import { jsonBody, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/auth/password',
  tags: ['Auth'],
  summary:
    'Change one’s own password: the current one is required; every other session of the user ends (this one stays). A wrong current password counts as a failed sign-in.',
  request: { body: jsonBody(changePasswordSchema) },
  responses: { 204: { description: 'Changed' }, ...problemResponses(400, 401, 403, 413, 415, 422, 429) },
});

export function registerChangePassword(app: App, ownThrottle: LoginThrottle): void {
  app.openapi(route, async (c) => {
    const { database, now = () => new Date(), loginThrottle = ownThrottle } = c.var.deps;
    const actor = c.var.user;
    const { currentPassword, newPassword } = c.req.valid('json');
    const keys = { email: actor.email, address: throttledAddress(clientAddress(c)) };
    const attempt = loginThrottle.begin(keys, now());
    if (!attempt.allowed) throw throttledRefusal(attempt.retryAfterSeconds, 'wrong passwords');
    const user = await getUserByEmail(database.db, actor.email);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      // 403, not 401: the caller is signed in, and must not be sent to the sign-in page.
      throw new ApiError('forbidden', 'The current password is not right; your password was not changed.', [
        { path: 'currentPassword', message: 'is not your current password' },
      ]);
    }
    loginThrottle.succeeded(keys, attempt.startedAt);
    // Hashed before the transaction: scrypt is slow on purpose and must not hold the row lock.
    const passwordHash = await hashPassword(newPassword);
    const currentSession = actor.via === 'session' ? readSessionCookie(c) : undefined;
    await database.db.transaction(async (tx) => {
      const before = await getUserAccount(tx, actor.id, { forUpdate: true });
      if (!before) throw new ApiError('not_found', 'Your account is gone.');
      await updateUser(tx, actor.id, { passwordHash });
      const sessionsEnded = await deleteUserSessions(tx, actor.id, currentSession ? hashSecret(currentSession) : undefined);
      // Never the password or its hash: only that it changed, and what that ended.
      await recordAuditEvent(tx, { actor, action: 'user.password_changed', subject: actor.email, before: null, after: { sessionsEnded } });
    });
    return c.body(null, 204);
  });
}
