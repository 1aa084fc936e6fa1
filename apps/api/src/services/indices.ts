import type { AreaHistoryPoint, PortfolioRow } from '@autonomy/contracts';
import type { AreaAssessmentPoint, AreaFiguresRow, MonthAssessmentRow } from '@autonomy/db';

export interface AreaFigures {
  areaId: string;
  slug: string;
  name: string;
  rows: AreaFiguresRow[];
}

/** Groups figure rows (ordered by area, then month) by area. */
export function assessableGroups(rows: readonly AreaFiguresRow[]): AreaFigures[] {
  const byArea = new Map<string, AreaFigures>();
  for (const row of rows) {
    let area = byArea.get(row.areaId);
    if (!area) {
      area = { areaId: row.areaId, slug: row.areaSlug, name: row.areaName, rows: [] };
      byArea.set(row.areaId, area);
    }
    area.rows.push(row);
  }
  return [...byArea.values()];
}

/** The indices of one stored assessment as the API reports them. */
export function toIndices(stored: AreaAssessmentPoint): Omit<AreaHistoryPoint, 'month'> {
  return {
    ownershipIndex: stored.ownershipIndex,
    centralisationIndex: stored.centralisationIndex,
    revenueAttainment: stored.revenueAttainment,
    driftState: stored.driftState,
    ownershipDelta: stored.ownershipDelta,
    centralisationDelta: stored.centralisationDelta,
    drift:
      stored.severity !== null && stored.ownershipDelta !== null && stored.centralisationDelta !== null
        ? { severity: stored.severity, ownershipDelta: stored.ownershipDelta, centralisationDelta: stored.centralisationDelta }
        : null,
  };
}

export function toPortfolioRow(stored: MonthAssessmentRow): PortfolioRow {
  return { slug: stored.slug, name: stored.name, ...toIndices(stored) };
}
