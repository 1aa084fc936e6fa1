import type { PortfolioRow } from '@autonomy/contracts';
import { driftLevel, driftUrgency } from '../../lib/drift.ts';

export type AreaSortKey =
  | 'drift'
  | 'name'
  | 'ownershipIndex'
  | 'centralisationIndex'
  | 'revenueAttainment'
  | 'ownershipDelta'
  | 'centralisationDelta';

export type SortDirection = 'ascending' | 'descending';

export interface AreaSort {
  key: AreaSortKey;
  direction: SortDirection;
}

/** The review order: drifting areas first, worst first. */
export const DEFAULT_AREA_SORT: AreaSort = { key: 'drift', direction: 'ascending' };

/**
 * Clicking a column sorts by it in its most useful direction first (names A–Z, drift worst first,
 * numbers highest first); clicking it again reverses.
 */
export function nextAreaSort(current: AreaSort, key: AreaSortKey): AreaSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  const firstDirection: SortDirection = key === 'name' || key === 'drift' ? 'ascending' : 'descending';
  return { key, direction: firstDirection };
}

export function sortAreas(rows: readonly PortfolioRow[], sort: AreaSort): PortfolioRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary =
      sort.key === 'name'
        ? sign * compareNames(a, b)
        : sort.key === 'drift'
          ? sign * compareDrift(a, b)
          : compareNullableNumbers(a[sort.key], b[sort.key], sign);
    return primary !== 0 ? primary : compareNames(a, b);
  });
}

function compareNames(a: PortfolioRow, b: PortfolioRow): number {
  return a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug);
}

/** By urgency (critical … not enough data), then the stronger drift first within one severity. */
function compareDrift(a: PortfolioRow, b: PortfolioRow): number {
  const byUrgency = driftUrgency(driftLevel(a)) - driftUrgency(driftLevel(b));
  if (byUrgency !== 0) return byUrgency;
  return driftMagnitude(b) - driftMagnitude(a);
}

/** The brief's m = min(ΔCI, −ΔOI); 0 for an area not in drift. */
export function driftMagnitude(row: PortfolioRow): number {
  if (!row.drift) return 0;
  return Math.min(row.drift.centralisationDelta, -row.drift.ownershipDelta);
}

/** Missing values go last in either direction: "no figure" is never the top or the bottom score. */
function compareNullableNumbers(a: number | null, b: number | null, sign: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * (a - b);
}
