import type { FieldError } from '@autonomy/contracts';
import { isDatabaseUnreachable } from '@autonomy/db';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { ServiceError, type ServiceFailure } from '../services/errors.ts';
import { ApiError, type ProblemCode, problemResponse } from './problem.ts';

/** Zod issues as the brief's `errors[]`: a dotted path to the field and a plain message. */
export function toFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

const codeByHttpStatus: Record<number, ProblemCode> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const codeByServiceFailure: Record<ServiceFailure, ProblemCode> = {
  not_found: 'not_found',
  invalid_input: 'invalid_input',
  conflict: 'conflict',
  stale: 'precondition_failed',
};

/** An error the API knows how to tell, as an ApiError; undefined for anything unexpected. */
export function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof ServiceError) {
    return new ApiError(codeByServiceFailure[error.failure], error.detail, error.fieldErrors, undefined, error.extensions);
  }
  if (error instanceof HTTPException) {
    return new ApiError(codeByHttpStatus[error.status] ?? 'malformed_request', error.message || 'The request could not be read');
  }
  if (isDatabaseUnreachable(error)) return databaseUnavailable();
  return undefined;
}

/** How long a client should wait before trying again while the database is away: about one restart. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The answer while the database cannot be reached (stopped, restarting, the network gone): a 503
 * the client may retry, not a 500, naming the part that is down (`database: "down"`). A write cut
 * off this way was never acknowledged; it committed whole or not at all.
 */
export function databaseUnavailable(
  detail = 'The database cannot be reached right now; try again shortly. A change sent meanwhile may not have been saved.',
): ApiError {
  return new ApiError('unavailable', detail, undefined, { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) }, { database: 'down' });
}

export const INTERNAL_ERROR_DETAIL = 'Something went wrong on our side; the change was not saved.';

/** The one `onError`: coded errors become problem+json, anything unexpected a 500 without internals. */
export function handleError(error: Error, c: Context): Response {
  const known = asApiError(error);
  if (known) return problemResponse(known);
  console.error(`${c.req.method} ${c.req.path} failed:`, error);
  return problemResponse(new ApiError('internal', INTERNAL_ERROR_DETAIL));
}

const targetNames: Record<string, string | undefined> = { json: undefined, query: 'query', param: 'path', header: 'header' };

/** The validation hook of every route: invalid input is a 422 naming each bad field. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
): void {
  if (result.success) return;
  const where = result.target === 'json' ? 'body has' : `${targetNames[result.target] ?? result.target} parameters have`;
  throw new ApiError('invalid_input', `The request ${where} invalid values.`, toFieldErrors(result.error, targetNames[result.target]));
}
