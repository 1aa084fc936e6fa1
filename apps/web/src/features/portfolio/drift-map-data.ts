import type { DriftRules, PortfolioRow, Severity } from '@autonomy/contracts';
import { driftLevel } from '../../lib/drift.ts';

export interface DriftMapPoint {
  slug: string;
  name: string;
  ownershipDelta: number;
  centralisationDelta: number;
}

export type DriftMapGroupKey = Severity | 'clear';

export interface DriftMapGroup {
  key: DriftMapGroupKey;
  points: DriftMapPoint[];
}

const GROUP_ORDER: readonly DriftMapGroupKey[] = ['clear', 'watch', 'warning', 'critical'];

/**
 * One dot per area with a complete window (both deltas known), grouped by verdict so each group
 * is drawn in its own colour. Worst groups come last so they are painted on top.
 */
export function toDriftMapGroups(rows: readonly PortfolioRow[]): DriftMapGroup[] {
  const groups = new Map<DriftMapGroupKey, DriftMapPoint[]>(GROUP_ORDER.map((key) => [key, []]));
  for (const row of rows) {
    if (row.ownershipDelta === null || row.centralisationDelta === null) continue;
    const level = driftLevel(row);
    if (level === 'insufficient_data') continue;
    groups.get(level)?.push({
      slug: row.slug,
      name: row.name,
      ownershipDelta: row.ownershipDelta,
      centralisationDelta: row.centralisationDelta,
    });
  }
  return GROUP_ORDER.map((key) => ({ key, points: groups.get(key) ?? [] })).filter((group) => group.points.length > 0);
}

export interface DriftMapScale {
  /** Both axes run from −extent to +extent. */
  extent: number;
  ticks: number[];
}

const TICK_STEPS = [5, 10, 20, 25, 50, 100];
const MAX_TICKS_PER_SIDE = 4;

/**
 * A square, zero-centred scale with round ticks: it holds every dot with room to spare (no dot
 * sits on the frame), and reaches at least one step beyond the drift thresholds so the drift zone
 * stays visible even when every area moved little. Square, because a skewed scale would make one
 * kind of change look bigger than the other.
 */
export function driftMapScale(groups: readonly DriftMapGroup[], rules: DriftRules): DriftMapScale {
  let largest = Math.max(rules.ownershipFallThreshold, rules.centralisationRiseThreshold);
  for (const group of groups) {
    for (const point of group.points) {
      largest = Math.max(largest, Math.abs(point.ownershipDelta), Math.abs(point.centralisationDelta));
    }
  }
  const step = TICK_STEPS.find((candidate) => largest / candidate <= MAX_TICKS_PER_SIDE) ?? Math.ceil(largest / 4);
  const extent = Math.floor(largest / step) * step + step;
  const ticks: number[] = [];
  for (let tick = -extent; tick <= extent; tick += step) ticks.push(tick);
  return { extent, ticks };
}
