import { deleteSession } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { hashSecret } from '../../auth/secrets.ts';
import { clearSessionCookie, readSessionCookie } from '../../auth/session-cookie.ts';
import type { App } from '../../context.ts';
import { problemResponses } from '../../errors/openapi.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['Auth'],
  summary: 'Sign out: ends the session behind the cookie',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401) },
});

export function registerLogout(app: App): void {
  app.openapi(route, async (c) => {
    const secret = readSessionCookie(c);
    if (secret) await deleteSession(c.var.deps.database.db, hashSecret(secret));
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
