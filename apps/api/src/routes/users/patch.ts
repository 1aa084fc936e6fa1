import { updateUserSchema, userAccountSchema, userIdParamsSchema } from '@autonomy/contracts';
import { deleteUserSessions, getUserAccount, recordAuditEvent, revokeUserApiTokens, type UserAccountRow, updateUser } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import { hashPassword, hashSecret } from '../../auth/secrets.ts';
import { readSessionCookie } from '../../auth/session-cookie.ts';
import type { App, AuthenticatedUser } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { etagOf, ifMatchAccepts, staleEtag } from '../etag.ts';
import { toUserAccount } from './shared.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags: ['Users'],
  summary:
    "Change a user (admins only): name, role, `active`, or reset the password. Deactivating ends the user's sessions and " +
    'revokes their API tokens at once; a new password ends their other sessions and revokes their API tokens. Admins cannot deactivate or demote themselves.',
  request: {
    params: userIdParamsSchema,
    headers: ifMatchHeaders,
    body: jsonBody(updateUserSchema),
  },
  responses: {
    200: jsonContentWithEtag(userAccountSchema, 'The changed user'),
    ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
  },
});

export function registerUpdateUser(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'user.update');
    const { id } = c.req.valid('param');
    const { password, ...changes } = c.req.valid('json');
    refuseSelfLockout(actor, id, changes);
    const now = c.var.deps.now?.() ?? new Date();
    // Hashed before the transaction: scrypt is slow on purpose and must not hold the row lock.
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    const currentSession = actor.via === 'session' ? readSessionCookie(c) : undefined;

    const user = await c.var.deps.database.db.transaction(async (tx) => {
      const before = await getUserAccount(tx, id, { forUpdate: true });
      if (!before) throw new ApiError('not_found', `There is no user ${id}.`);
      // The row is locked, so no one can change it between this check and the update.
      if (!ifMatchAccepts(c.req.header('if-match'), before)) {
        throw staleEtag(`This user changed since you read it (now ${etagOf(before)}); reload and apply your change again.`);
      }
      await updateUser(tx, id, { ...changes, ...(passwordHash ? { passwordHash } : {}) });
      const deactivated = before.active && changes.active === false;
      let sessionsEnded = 0;
      let tokensRevoked = 0;
      if (deactivated) {
        sessionsEnded = await deleteUserSessions(tx, id);
        tokensRevoked = await revokeUserApiTokens(tx, id, now);
      } else if (passwordHash) {
        // Whoever knew the old password is signed out, and any token they made with it stops
        // working too; an admin resetting their own keeps this session.
        sessionsEnded = await deleteUserSessions(tx, id, id === actor.id && currentSession ? hashSecret(currentSession) : undefined);
        tokensRevoked = await revokeUserApiTokens(tx, id, now);
      }
      const after = await getUserAccount(tx, id);
      if (!after) throw new Error('the user vanished');
      await recordAuditEvent(tx, {
        actor,
        action: deactivated ? 'user.deactivated' : !before.active && after.active ? 'user.reactivated' : 'user.updated',
        subject: after.email,
        // Never the password or its hash: only that it was reset.
        before: audited(before),
        after: { ...audited(after), ...(passwordHash ? { passwordReset: true } : {}), sessionsEnded, tokensRevoked },
      });
      return after;
    });
    c.header('ETag', etagOf(user));
    return c.json(toUserAccount(user), 200);
  });
}

/**
 * The acting admin is the one user certain to hold the right to manage users; refusing to let
 * them drop it means the organisation always keeps at least one active admin.
 */
function refuseSelfLockout(actor: AuthenticatedUser, targetId: string, changes: { role?: string; active?: boolean }): void {
  if (targetId !== actor.id) return;
  if (changes.active === false) {
    throw new ApiError('conflict', 'You cannot deactivate your own account; ask another admin, so the organisation is never left without one.');
  }
  if (changes.role !== undefined && changes.role !== actor.role) {
    throw new ApiError('conflict', `You cannot change your own role from ${actor.role}; ask another admin, so the organisation is never left without one.`);
  }
}

function audited(user: UserAccountRow) {
  return { email: user.email, name: user.name, role: user.role, active: user.active };
}
