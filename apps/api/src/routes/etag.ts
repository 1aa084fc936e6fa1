import { ApiError } from '../errors/problem.ts';

/** A row's version is its ETag: any write bumps it. */
export function etagOf(row: { version: number }): string {
  return `"${row.version}"`;
}

/**
 * Which versions an If-Match header accepts: `*` (any existing row) or a list of our ETags.
 * Weak ETags never match, as RFC 9110 requires for If-Match.
 */
export function parseIfMatch(header: string): '*' | Set<number> {
  if (header.trim() === '*') return '*';
  const versions = new Set<number>();
  for (const tag of header.split(',')) {
    const match = /^"(\d{1,15})"$/.exec(tag.trim());
    if (match?.[1]) versions.add(Number(match[1]));
  }
  return versions;
}

/** Whether an If-Match header (absent: no condition) accepts the row's current version. */
export function ifMatchAccepts(header: string | undefined, row: { version: number }): boolean {
  if (header === undefined) return true;
  const accepted = parseIfMatch(header);
  return accepted === '*' || accepted.has(row.version);
}

export function staleEtag(detail: string): ApiError {
  return new ApiError('precondition_failed', detail);
}
