import { problemSchema } from '@autonomy/contracts';
import { z } from '@hono/zod-openapi';
import { problemContentType } from './problem.ts';

const problemDescriptions = {
  400: 'The body could not be parsed',
  401: 'Missing or invalid credentials',
  403: 'Signed in, but without the right to do this',
  404: 'No such resource',
  409: 'Conflicts with existing data',
  412: 'The If-Match ETag is stale',
  413: 'The body is too large',
  415: 'The body has the wrong content type',
  422: 'Values that break the rules',
  428: 'If-Match is required',
  429: 'Too many attempts; wait the seconds given in Retry-After',
  503: 'The database is unreachable',
} as const;

type ProblemStatus = keyof typeof problemDescriptions;

interface ProblemResponse {
  description: string;
  content: Record<typeof problemContentType, { schema: typeof problemSchema }>;
}

/** The problem+json responses a route can give, spread into its OpenAPI entry. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]): Record<S, ProblemResponse> {
  const responses = {} as Record<S, ProblemResponse>;
  for (const status of statuses) {
    responses[status] = {
      description: problemDescriptions[status],
      content: { [problemContentType]: { schema: problemSchema } },
    };
  }
  return responses;
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON response carrying the resource's ETag, which If-Match sends back when changing it. */
export function jsonContentWithEtag<T extends z.ZodType>(schema: T, description: string) {
  return { ...jsonContent(schema, description), headers: z.object({ ETag: z.string() }) };
}

/** The If-Match request header of a write that honours it. */
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });

/**
 * The If-Match header of a write that cannot be undone, documented as required. Left optional to
 * the validator so that a missing one is answered 428 (Precondition Required), not 422.
 */
export const requiredIfMatchHeaders = z.object({
  'if-match': z.string().optional().meta({ description: "Required: the ETag of the resource as you read it (428 without it)" }),
});

export function jsonBody<T extends z.ZodType>(schema: T) {
  // `required` makes the validator reject a missing or non-JSON body instead of skipping it.
  return { required: true, content: { 'application/json': { schema } } };
}
