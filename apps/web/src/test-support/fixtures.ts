import type {
  Area,
  AreaHistoryPoint,
  AreaMonth,
  AreaMonthFigures,
  AuditEvent,
  DriftRules,
  DriftSettingsBody,
  PortfolioRow,
  Severity,
  Signal,
  TargetChange,
  UserAccount,
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
    incidentId: 'incident-1',
    version: 1,
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
    areaSlugs: ['checkout'],
    subject: '2026-10',
    before: areaMonthFixture({ version: 2 }),
    after: areaMonthFixture({ version: 3 }),
    ...overrides,
  };
}

/**
 * The one event of a 120-row CSV import as `GET /audit?area=checkout` lists it: a year of
 * Checkout's figures and the rest for nine other areas, one of which the file created.
 */
export function importAuditEventFixture(overrides: Partial<AuditEvent> = {}): AuditEvent {
  const others = ['billing', 'growth', 'identity', 'insights', 'mobile', 'onboarding', 'payments', 'search', 'support'];
  const areas = [
    { slug: 'checkout', rows: 12, firstMonth: '2025-01', lastMonth: '2025-12', created: false },
    ...others.map((slug) => ({ slug, rows: 12, firstMonth: '2025-01', lastMonth: '2025-12', created: slug === 'mobile' })),
  ].sort((a, b) => a.slug.localeCompare(b.slug));
  return auditEventFixture({
    id: '52',
    actor: { id: 'user-admin', email: 'admin@demo.example', name: 'Administrator' },
    action: 'metrics.imported',
    areaSlug: null,
    areaSlugs: areas.map((area) => area.slug),
    subject: null,
    before: null,
    after: { rows: 120, areasCreated: 1, monthsCreated: 24, monthsUpdated: 96, targetsChanged: 3, areas },
    ...overrides,
  });
}

// ---- Area details and revenue targets ------------------------------------------------------------

/** Checkout as `GET /areas/checkout` answers it: led by Priya Raman, active. */
export function areaFixture(overrides: Partial<Area> = {}): Area {
  const leadEmails = overrides.leadEmails ?? ['priya.raman@demo.example'];
  return {
    slug: 'checkout',
    name: 'Checkout',
    description: 'Basket, payment page and order confirmation.',
    status: 'active',
    leadEmail: leadEmails[0] ?? null,
    leadEmails,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-11-02T09:30:00.000Z',
    ...overrides,
  };
}

/** A user account as admins list them; an area lead unless a test says otherwise. */
export function userAccountFixture(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: 'user-priya',
    email: 'priya.raman@demo.example',
    name: 'Priya Raman',
    role: 'area_lead',
    active: true,
    areaSlugs: ['checkout'],
    version: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...overrides,
  };
}

/** Priya raising Checkout's target for the first quarter of 2027, from 120,000 in each month. */
export function targetChangeFixture(overrides: Partial<TargetChange> = {}): TargetChange {
  return {
    id: '7',
    at: '2026-11-02T09:30:00.000Z',
    actor: { id: 'user-priya', email: 'priya.raman@demo.example', name: 'Priya Raman' },
    from: '2027-01',
    to: '2027-03',
    revenueTarget: 130000,
    reason: 'New enterprise contract signed',
    source: 'target',
    previous: [
      { month: '2027-01', revenueTarget: 120000 },
      { month: '2027-02', revenueTarget: 120000 },
      { month: '2027-03', revenueTarget: 120000 },
    ],
    ...overrides,
  };
}

// ---- Versions and conflicts: signal history, planned targets -------------------------------------

// Imports are hoisted; kept with the block that uses them so each block stands on its own.
import type { AreaTargets, SignalDetail, SignalEvent } from '@autonomy/contracts';

/** A line of a signal's history; raised by the data unless a test says otherwise. */
export function signalEventFixture(overrides: Partial<SignalEvent> = {}): SignalEvent {
  return {
    at: '2024-10-01T00:00:00.000Z',
    actor: null,
    action: 'raised',
    fromStatus: null,
    toStatus: 'open',
    comment: null,
    ...overrides,
  };
}

/** A signal as `GET /signals/{id}` answers it: raised, then acknowledged by Erin Executive. */
export function signalDetailFixture(overrides: Partial<SignalDetail> = {}): SignalDetail {
  return {
    ...signalFixture({ status: 'acknowledged', version: 2, updatedAt: '2024-10-03T14:05:00.000Z' }),
    history: [
      signalEventFixture(),
      signalEventFixture({
        at: '2024-10-03T14:05:00.000Z',
        actor: { id: 'user-erin', email: 'exec@demo.example', name: 'Erin Executive' },
        action: 'status_changed',
        fromStatus: 'open',
        toStatus: 'acknowledged',
      }),
    ],
    ...overrides,
  };
}

/** Checkout's targets: October 2026 from its figures, the next quarter planned at 130,000. */
export function areaTargetsFixture(overrides: Partial<AreaTargets> = {}): AreaTargets {
  return {
    slug: 'checkout',
    months: [
      { month: '2026-10', revenueTarget: 120000, planned: false },
      { month: '2026-11', revenueTarget: 130000, planned: true },
      { month: '2026-12', revenueTarget: 130000, planned: true },
      { month: '2027-01', revenueTarget: 135000, planned: true },
    ],
    ...overrides,
  };
}
