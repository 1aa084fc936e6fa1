import type { FieldError, Problem } from '@autonomy/contracts';

/** Every error the API can answer with, and its HTTP status. */
const statusByCode = {
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_input: 422,
  precondition_required: 428,
  too_many_requests: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ProblemCode = keyof typeof statusByCode;

const titleByCode: Record<ProblemCode, string> = {
  malformed_request: 'The request could not be read',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  request_timeout: 'The request took too long to arrive',
  conflict: 'Conflict',
  precondition_failed: 'The resource changed since you read it',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  invalid_input: 'Invalid input',
  precondition_required: 'If-Match required',
  too_many_requests: 'Too many requests',
  headers_too_large: 'The request headers are too large',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

/** The one error class of the API; `onError` turns it into application/problem+json. */
export class ApiError extends Error {
  readonly status: (typeof statusByCode)[ProblemCode];

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** RFC 9457 extension members, e.g. the id of the resource a conflict is with. */
    readonly extensions?: Record<string, string>,
  ) {
    super(detail);
    this.status = statusByCode[code];
  }

  toProblem(): Problem {
    return {
      ...this.extensions,
      type: `/problems/${this.code.replaceAll('_', '-')}`,
      title: titleByCode[this.code],
      status: this.status,
      detail: this.detail,
      ...(this.errors && this.errors.length > 0 ? { errors: this.errors } : {}),
    };
  }
}

export const problemContentType = 'application/problem+json';

export function problemResponse(error: ApiError): Response {
  return new Response(JSON.stringify(error.toProblem()), {
    status: error.status,
    headers: { 'content-type': problemContentType, ...error.headers },
  });
}
