import { loginSchema, sessionUserSchema } from '@autonomy/contracts';
import { createSession, getLedAreaSlugs, getUserByEmail } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { decoyPasswordHash, newSecret, verifyPassword } from '../../auth/secrets.ts';
import { SESSION_LIFETIME_MS, setSessionCookie } from '../../auth/session-cookie.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['Auth'],
  summary: 'Sign in with email and password; sets an HttpOnly session cookie',
  security: [],
  request: { body: jsonBody(loginSchema) },
  responses: {
    200: jsonContent(sessionUserSchema, 'Signed in'),
    ...problemResponses(400, 401, 422),
  },
});

export function registerLogin(app: App): void {
  app.openapi(route, async (c) => {
    const { database, now = () => new Date() } = c.var.deps;
    const { email, password } = c.req.valid('json');
    const user = await getUserByEmail(database.db, email);
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !passwordMatches || !user.active) {
      throw new ApiError('unauthenticated', 'The email or password is not right.');
    }
    const session = newSecret();
    await createSession(database.db, {
      tokenHash: session.hash,
      userId: user.id,
      expiresAt: new Date(now().getTime() + SESSION_LIFETIME_MS),
    });
    setSessionCookie(c, session.secret);
    const areaSlugs = user.role === 'area_lead' ? await getLedAreaSlugs(database.db, user.id) : [];
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role, areaSlugs } }, 200);
  });
}
