import type { FieldError } from '@autonomy/contracts';

/**
 * Why a service refused: the domain's reasons, not HTTP statuses. The one error handler maps
 * each to its problem+json answer (errors/handler.ts).
 */
export type ServiceFailure = 'not_found' | 'invalid_input' | 'conflict' | 'stale';

export class ServiceError extends Error {
  constructor(
    readonly failure: ServiceFailure,
    readonly detail: string,
    readonly fieldErrors?: FieldError[],
    /** Facts a client can act on, e.g. the id of the record a conflict is with. */
    readonly extensions?: Record<string, string>,
  ) {
    super(detail);
  }
}

/** Someone changed the record since the caller read it (a stale If-Match, or a lost race). */
export function stale(detail: string): ServiceError {
  return new ServiceError('stale', detail);
}

/** Versions a write may replace: `*` any existing one; undefined, no condition. */
export type ExpectedVersions = '*' | ReadonlySet<number> | undefined;

export function versionAccepted(expected: ExpectedVersions, current: { version: number }): boolean {
  return expected === undefined || expected === '*' || expected.has(current.version);
}
