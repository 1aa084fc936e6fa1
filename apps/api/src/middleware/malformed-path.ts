import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/problem.ts';

/** Whether every `%` of the path starts an escape that decodes to UTF-8 text. */
export function hasWellFormedEscapes(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}

/**
 * A path with a broken percent-escape (`/api/v1/areas/%`, `%E9`) names nothing the API has: it
 * is a 404 before anything else reads it, rather than a parameter that happens to fail its
 * schema, or a decoder's exception (a 500).
 */
export const refuseMalformedPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  const rawPath = new URL(c.req.url).pathname;
  if (hasWellFormedEscapes(rawPath)) return next();
  throw new ApiError('not_found', `There is no ${c.req.method} ${rawPath}: the address has a malformed %-escape.`);
};
