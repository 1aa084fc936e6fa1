import { loginSchema, sessionUserSchema } from '@autonomy/contracts';
import { createSession, getLedAreaSlugs, getUserByEmail } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { clientAddress, throttledAddress } from '../../auth/client-address.ts';
import { type LoginThrottle, throttledRefusal } from '../../auth/login-throttle.ts';
import { decoyPasswordHash, newSecret, verifyPassword } from '../../auth/secrets.ts';
import { SESSION_LIFETIME_MS, setSessionCookie } from '../../auth/session-cookie.ts';
import type { App } from '../../context.ts';
import { jsonBody, jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';

const route = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['Auth'],
  summary:
    'Sign in with email and password; sets an HttpOnly session cookie. After 5 failures for an account, or 20 from one ' +
    'address, within 15 minutes, attempts get 429 with Retry-After until the window passes.',
  security: [],
  request: { body: jsonBody(loginSchema) },
  responses: {
    200: jsonContent(sessionUserSchema, 'Signed in'),
    ...problemResponses(400, 401, 413, 415, 422, 429),
  },
});

/** `ownThrottle`: the app's own counts of failed passwords, shared with the password change. */
export function registerLogin(app: App, ownThrottle: LoginThrottle): void {
  app.openapi(route, async (c) => {
    const { database, now = () => new Date(), loginThrottle = ownThrottle } = c.var.deps;
    const { email, password } = c.req.valid('json');
    const keys = { email, address: throttledAddress(clientAddress(c)) };
    const attempt = loginThrottle.begin(keys, now());
    if (!attempt.allowed) {
      // Refused before the password is checked: a throttled guess learns nothing, even a right one.
      throw throttledRefusal(attempt.retryAfterSeconds, 'failed sign-in attempts');
    }

    const user = await getUserByEmail(database.db, email);
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !passwordMatches || !user.active) {
      throw new ApiError('unauthenticated', 'The email or password is not right.');
    }
    loginThrottle.succeeded(keys, attempt.startedAt);
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
