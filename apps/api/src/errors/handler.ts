import type { FieldError } from '@autonomy/contracts';
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

/** The one `onError`: coded errors become problem+json, anything unexpected a 500 without internals. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return problemResponse(error);
  if (error instanceof ServiceError) {
    return problemResponse(new ApiError(codeByServiceFailure[error.failure], error.detail, error.fieldErrors, undefined, error.extensions));
  }
  if (error instanceof HTTPException) {
    const code = codeByHttpStatus[error.status] ?? 'malformed_request';
    return problemResponse(new ApiError(code, error.message || 'The request could not be read'));
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, error);
  return problemResponse(new ApiError('internal', 'Something went wrong on our side; the change was not saved.'));
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
