import type {
  AreaHistoryPoint,
  AreaMonth,
  AreaMonthFigures,
  AuditEvent,
  DriftRules,
  DriftSettingsBody,
  PortfolioRow,
  Severity,
  Signal,
} from '@autonomy/contracts';

/** The brief's default rules: a 3-month window, 5-point thresholds. */
export const defaultRules: DriftRules = { windowMonths: 3, ownershipFallThreshold: 5, centralisationRiseThreshold: 5 };

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

/** An open watch-level Chipotle drift signal; override what a test is about. */
export function signalFixture(overrides: Partial<Signal> = {}): Signal {
  return {
    id: 'signal-1',
    kind: 'chipotle_drift',
    areaSlug: 'payments',
    areaName: 'Payments',
    month: '2024-09',
    severity: 'watch',
    ownershipDelta: -7,
    centralisationDelta: 6,
    explanation: ['hiring owned by the lead 90% → 30%: −15.0 pts'],
    contributions: [],
    status: 'open',
    statusReason: null,
    createdAt: '2024-10-01T00:00:00.000Z',
    updatedAt: '2024-10-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The brief's default settings. */
export function settingsFixture(): DriftSettingsBody {
  return {
    windowMonths: 3,
    ownershipFallThreshold: 5,
    centralisationRiseThreshold: 5,
    severityBands: { watch: 5, warning: 10, critical: 20 },
    escalationAfterMonths: 3,
    weights: {
      ownership: { marketing: 1, sales: 1, hiring: 1, target: 1 },
      centralisation: { dependencies: 1, processes: 1, latency: 1, centralDecisions: 1 },
    },
    saturation: { dependencies: 4, processes: 8, latencyDays: 10 },
  };
}

/** One month's figures for an area run well: owned support, lead-run hiring, little central process. */
export function figuresFixture(overrides: Partial<AreaMonthFigures> = {}): AreaMonthFigures {
  return {
    revenueTarget: 120000,
    revenueActual: 126500.5,
    marketingDedicatedFte: 2,
    marketingSharedFte: 0.5,
    salesDedicatedFte: 3,
    salesSharedFte: 1,
    hiresTotal: 3,
    hiresLeadOwned: 2,
    decisionsTotal: 10,
    decisionsCentral: 2,
    sharedServiceDependencies: 2,
    mandatoryProcesses: 4,
    approvalLatencyDays: 12,
    targetOwner: 'area',
    ...overrides,
  };
}

/** The same figures as `GET /areas/{slug}/months/{month}` answers them. */
export function areaMonthFixture(overrides: Partial<AreaMonth> = {}): AreaMonth {
  return {
    ...figuresFixture(),
    areaSlug: 'checkout',
    month: '2026-10',
    version: 3,
    updatedAt: '2026-11-02T09:30:00.000Z',
    ...overrides,
  };
}

/** An audit event by Priya Raman about Checkout; override what a test is about. */
export function auditEventFixture(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: '41',
    at: '2026-11-02T09:30:00.000Z',
    actor: { id: 'user-priya', email: 'priya.raman@demo.example', name: 'Priya Raman' },
    action: 'figures.updated',
    areaSlug: 'checkout',
    subject: '2026-10',
    before: areaMonthFixture({ version: 2 }),
    after: areaMonthFixture({ version: 3 }),
    ...overrides,
  };
}
