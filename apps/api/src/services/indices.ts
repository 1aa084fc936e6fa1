import type { AreaHistoryPoint, PortfolioRow } from '@autonomy/contracts';
import type { AreaAssessmentPoint, MonthAssessmentRow } from '@autonomy/db';

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
