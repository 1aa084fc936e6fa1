import type { AreaHistoryPoint, PortfolioRow } from '@autonomy/contracts';
import { type AreaFiguresRow, type Database, listAreaFigures } from '@autonomy/db';
import { type AreaMonthAssessment, assessArea, DEFAULT_SETTINGS, type DriftSettings } from '@autonomy/domain';

export interface AreaAssessments {
  areaId: string;
  slug: string;
  name: string;
  assessments: AreaMonthAssessment[];
}

/** Groups figure rows (ordered by area, then month) by area and assesses each area's months. */
export function assessAreas(rows: readonly AreaFiguresRow[], settings: DriftSettings = DEFAULT_SETTINGS): AreaAssessments[] {
  const byArea = new Map<string, { slug: string; name: string; rows: AreaFiguresRow[] }>();
  for (const row of rows) {
    const area = byArea.get(row.areaId) ?? { slug: row.areaSlug, name: row.areaName, rows: [] };
    area.rows.push(row);
    byArea.set(row.areaId, area);
  }
  return [...byArea].map(([areaId, area]) => ({
    areaId,
    slug: area.slug,
    name: area.name,
    assessments: assessArea(area.rows, settings),
  }));
}

/** Every month the rules need to judge `month`: all earlier ones, since hiring carries forward without limit. */
export async function assessActiveAreasUpTo(db: Database, month: string): Promise<AreaAssessments[]> {
  return assessAreas(await listAreaFigures(db, { upToMonth: month, status: 'active' }));
}

/** The indices of one assessed month as the API reports them. */
export function toIndices(assessment: AreaMonthAssessment): Omit<AreaHistoryPoint, 'month'> {
  return {
    ownershipIndex: assessment.ownershipIndex,
    centralisationIndex: assessment.centralisationIndex,
    revenueAttainment: assessment.revenueAttainment,
    driftState: assessment.driftState,
    ownershipDelta: assessment.ownershipDelta,
    centralisationDelta: assessment.centralisationDelta,
    drift:
      assessment.drift && assessment.ownershipDelta !== null && assessment.centralisationDelta !== null
        ? {
            severity: assessment.drift.severity,
            ownershipDelta: assessment.ownershipDelta,
            centralisationDelta: assessment.centralisationDelta,
          }
        : null,
  };
}

export function toPortfolioRow(area: AreaAssessments, assessment: AreaMonthAssessment): PortfolioRow {
  return { slug: area.slug, name: area.name, ...toIndices(assessment) };
}
