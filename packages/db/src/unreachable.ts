/**
 * Whether a failed query failed because the database cannot be reached right now (stopped,
 * restarting, the network gone) rather than because of the query: the API answers those 503 with
 * Retry-After instead of 500. Looks through drizzle's wrapping (`cause`) and the AggregateError
 * Node raises when every address of a host refused.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  return unreachableIn(error, 0);
}

/** Socket errors from Node, and postgres.js's own codes for a connection that closed or never opened. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs of a server that is going away or not taking connections: class 08 (connection
 * exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or
 * recovering), 53300 too_many_connections.
 */
const UNREACHABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

function unreachableIn(error: unknown, depth: number): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNREACHABLE_SQLSTATE.test(code))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => unreachableIn(inner, depth + 1))) return true;
  return unreachableIn((error as { cause?: unknown }).cause, depth + 1);
}
