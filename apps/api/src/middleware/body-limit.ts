import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/problem.ts';

const MIB = 1024 * 1024;
// 100,000 CSV rows of the brief's 17 columns are about 15 MiB; leave room for long names.
export const IMPORT_BODY_LIMIT = 64 * MIB;
export const JSON_BODY_LIMIT = 1 * MIB;

export function payloadTooLarge(maxSize: number): ApiError {
  // Closing the connection is what stops the upload: reading on to keep it alive would mean
  // taking in the rest of a body we have already refused, up to the whole gigabyte.
  return new ApiError('payload_too_large', `The request body is over ${maxSize / MIB} MiB; nothing was changed.`, undefined, {
    connection: 'close',
  });
}

const jsonLimit = bodyLimit({
  maxSize: JSON_BODY_LIMIT,
  onError: () => {
    throw payloadTooLarge(JSON_BODY_LIMIT);
  },
});

/**
 * Refuses oversized bodies: at once when Content-Length says so, else while a chunked body
 * streams in, as soon as it passes the limit (Node never lets a body run past its Content-Length).
 * An import is read as a stream, never held whole: here only its Content-Length is checked, and
 * its route counts the bytes of a chunked upload as they come (`readImportBody`).
 */
export const IMPORT_PATHS = new Set(['/api/v1/imports/metrics', '/api/v1/imports/metrics/jobs']);

export const limitBodySize: MiddlewareHandler<AppEnv> = (c, next) => {
  if (!IMPORT_PATHS.has(c.req.path)) return jsonLimit(c, next);
  const declared = c.req.header('content-length');
  if (declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) > IMPORT_BODY_LIMIT) {
    throw payloadTooLarge(IMPORT_BODY_LIMIT);
  }
  return next();
};
