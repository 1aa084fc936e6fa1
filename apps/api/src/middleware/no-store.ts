import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/**
 * Every answer of the versioned API speaks for one caller (their figures, their account, their
 * session cookie), so no browser or proxy may keep a copy: a shared computer's back button or a
 * caching proxy would otherwise show one person's data to the next. Health and static files keep
 * their own caching; a route that sets Cache-Control itself keeps its choice.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};
