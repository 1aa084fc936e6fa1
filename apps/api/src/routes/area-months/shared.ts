import type { AreaMonth } from '@autonomy/contracts';
import type { AreaMonthRow } from '@autonomy/db';
import { ApiError } from '../../errors/problem.ts';

export function toAreaMonth(areaSlug: string, row: AreaMonthRow): AreaMonth {
  const { id: _id, areaId: _areaId, updatedBy: _updatedBy, createdAt: _createdAt, updatedAt, ...figures } = row;
  return { areaSlug, ...figures, updatedAt: updatedAt.toISOString() };
}

/** The row's version is its ETag: any write bumps it. */
export function etagOf(row: Pick<AreaMonthRow, 'version'>): string {
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
    const match = /^"(\d{1,9})"$/.exec(tag.trim());
    if (match?.[1]) versions.add(Number(match[1]));
  }
  return versions;
}

export function staleEtag(detail: string): ApiError {
  return new ApiError('precondition_failed', detail);
}
