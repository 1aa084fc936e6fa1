import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/problem.ts';
import { IMPORT_PATHS } from './body-limit.ts';

const JSON_CONTENT_TYPE = /^application\/([a-z-.]+\+)?json/i;

/**
 * A JSON body must be UTF-8 (RFC 8259). Read leniently, a byte that is not would become U+FFFD
 * and be stored as if the client had sent it; refused here, the client learns its encoding is
 * wrong (400) and nothing changes. Runs after the size limit, so at most 1 MiB is read, and the
 * bytes stay cached for the route's own parsing. Imports stream their CSV and check it themselves.
 */
export const requireUtf8Json: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || IMPORT_PATHS.has(c.req.path)) return next();
  if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) return next();
  const bytes = await c.req.arrayBuffer();
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('malformed_request', 'The request body is not valid UTF-8; send JSON encoded as UTF-8.');
  }
  return next();
};
