import type { AreaHistoryPoint, PortfolioRow } from '@autonomy/contracts';
import { type AreaFiguresRow, type Database, listAreaFigures } from '@autonomy/db';
import { type AreaMonthAssessment, assessArea, type DriftSettings } from '@autonomy/domain';

export interface AreaAssessments {
  areaId: string;
  slug: string;
  name: string;
  assessments: AreaMonthAssessment[];
}

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

/** Each area's months assessed under the organisation's settings; no explanations are needed here. */
export function assessAreas(rows: readonly AreaFiguresRow[], settings: DriftSettings): AreaAssessments[] {
  return assessableGroups(rows).map((area) => ({
    areaId: area.areaId,
    slug: area.slug,
    name: area.name,
    assessments: assessArea(area.rows, settings, { contributions: 'none' }),
  }));
}

/** Every month the rules need to judge `month`: all earlier ones, since hiring carries forward without limit. */
export async function assessActiveAreasUpTo(db: Database, month: string, settings: DriftSettings): Promise<AreaAssessments[]> {
  return assessAreas(await listAreaFigures(db, { upToMonth: month, status: 'active' }), settings);
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
