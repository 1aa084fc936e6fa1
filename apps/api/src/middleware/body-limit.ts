import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/problem.ts';

const MIB = 1024 * 1024;
// 100,000 CSV rows of the brief's 17 columns are about 15 MiB; leave room for long names.
export const IMPORT_BODY_LIMIT = 64 * MIB;
export const JSON_BODY_LIMIT = 1 * MIB;

function limitTo(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      // Closing the connection is what stops the upload: reading on to keep it alive would mean
      // taking in the rest of a body we have already refused, up to the whole gigabyte.
      throw new ApiError(
        'payload_too_large',
        `The request body is over ${maxSize / MIB} MiB; nothing was changed.`,
        undefined,
        { connection: 'close' },
      );
    },
  });
}

const importLimit = limitTo(IMPORT_BODY_LIMIT);
const jsonLimit = limitTo(JSON_BODY_LIMIT);

/**
 * Refuses oversized bodies: at once when Content-Length says so, else while a chunked body
 * streams in, as soon as it passes the limit (Node never lets a body run past its Content-Length).
 */
export const limitBodySize: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.path === '/api/v1/imports/metrics' ? importLimit(c, next) : jsonLimit(c, next);
