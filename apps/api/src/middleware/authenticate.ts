import { getLedAreaSlugs, getSessionUser, getTokenUser, type UserRow } from '@autonomy/db';
import type { MiddlewareHandler } from 'hono';
import { hashSecret } from '../auth/secrets.ts';
import { readSessionCookie } from '../auth/session-cookie.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api/v1 route but sign-in needs a user: a personal API token (`Authorization: Bearer …`)
 * or a session cookie. A cookie-authenticated write must come from our own origin, so another
 * site cannot make a signed-in browser change figures (CSRF).
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { database, now = () => new Date() } = c.var.deps;
  const authorization = c.req.header('authorization');
  let user: UserRow | undefined;
  let via: 'session' | 'token';

  if (authorization !== undefined) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    }
    user = await getTokenUser(database.db, hashSecret(token), now());
    via = 'token';
    if (!user) throw new ApiError('unauthenticated', 'The API token is unknown, revoked, or its user is deactivated.');
  } else {
    const secret = readSessionCookie(c);
    if (!secret) throw new ApiError('unauthenticated', 'Sign in first, or send a personal API token.');
    user = await getSessionUser(database.db, hashSecret(secret), now());
    via = 'session';
    if (!user) throw new ApiError('unauthenticated', 'Your session has expired; sign in again.');
    if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c.req.header('origin'), c.req.header('sec-fetch-site'), c.req.url)) {
      throw new ApiError('forbidden', 'Cross-site requests cannot change data.');
    }
  }

  c.set('user', {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    areaSlugs: user.role === 'area_lead' ? await getLedAreaSlugs(database.db, user.id) : [],
    via,
  });
  await next();
};

function isSameOrigin(origin: string | undefined, fetchSite: string | undefined, requestUrl: string): boolean {
  if (fetchSite) return fetchSite === 'same-origin' || fetchSite === 'none';
  // Clients that are not browsers send neither header; browsers send Origin on every write.
  if (!origin) return true;
  return origin === new URL(requestUrl).origin;
}
