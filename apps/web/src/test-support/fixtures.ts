import type { AreaHistoryPoint, PortfolioRow, Severity } from '@autonomy/contracts';

type Reading = Omit<PortfolioRow, 'slug' | 'name'>;

/** A reading for an area in drift at `severity`, with the deltas that caused it. */
export function driftingReading(severity: Severity, ownershipDelta = -12, centralisationDelta = 12): Reading {
  return {
    ownershipIndex: 50,
    centralisationIndex: 50,
    revenueAttainment: 1,
    driftState: 'drift',
    drift: { severity, ownershipDelta, centralisationDelta },
    ownershipDelta,
    centralisationDelta,
  };
}

export function clearReading(ownershipDelta = 1, centralisationDelta = 1): Reading {
  return {
    ownershipIndex: 60,
    centralisationIndex: 40,
    revenueAttainment: 1.05,
    driftState: 'clear',
    drift: null,
    ownershipDelta,
    centralisationDelta,
  };
}

export function insufficientReading(): Reading {
  return {
    ownershipIndex: 55,
    centralisationIndex: 45,
    revenueAttainment: null,
    driftState: 'insufficient_data',
    drift: null,
    ownershipDelta: null,
    centralisationDelta: null,
  };
}

export function portfolioRow(slug: string, reading: Reading, overrides: Partial<PortfolioRow> = {}): PortfolioRow {
  return { slug, name: slug.replace(/-/g, ' '), ...reading, ...overrides };
}

export function historyPoint(month: string, reading: Reading, overrides: Partial<AreaHistoryPoint> = {}): AreaHistoryPoint {
  return { month, ...reading, ...overrides };
}
