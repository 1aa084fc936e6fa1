import { seededRandom } from '@autonomy/domain';
import type { ImportRow } from '../queries/area-months.ts';

export type DemoRole = 'executive' | 'area_lead' | 'viewer';

export interface DemoArea {
  slug: string;
  name: string;
  description: string;
  /** Everyone who leads the area; Growth is run jointly by both demo leads. */
  leadEmails: string[];
}

/** A revenue target set ahead of its months' figures, by the area's lead, with a reason. */
export interface DemoTargetPlan {
  areaSlug: string;
  from: string;
  to: string;
  revenueTarget: number;
  reason: string;
  /** The lead who set it; the seeding user when the area has no lead. */
  byEmail: string | null;
}

export interface DemoUser {
  email: string;
  name: string;
  role: DemoRole;
  /** Printed on first start so people can sign in; demo data only. */
  password: string;
  /** Slugs of the areas this user leads. */
  leads: string[];
}

export interface DemoOrganisation {
  areas: DemoArea[];
  rows: ImportRow[];
  users: DemoUser[];
  targetPlans: DemoTargetPlan[];
}

export interface DemoOrganisationOptions {
  /** `YYYY-MM`: the latest month with figures, the month the first screen shows. */
  endMonth: string;
  /** How many months of history, the latest included. */
  months?: number;
}

export const DEMO_DEFAULT_MONTHS = 24;
// The story needs the checkout absorption (5 months) plus a full drift window before it.
const DEMO_MIN_MONTHS = 12;
const DEMO_MAX_MONTHS = 120;
const QUIET_HIRING_CHANCE = 0.15;

/** How an area is run at one moment: the levels its monthly figures scatter around. */
interface OperatingLevels {
  marketingDedicatedFte: number;
  marketingSharedFte: number;
  salesDedicatedFte: number;
  salesSharedFte: number;
  hiresPerMonth: number;
  leadOwnedHireShare: number;
  decisionsPerMonth: number;
  centralDecisionShare: number;
  sharedServiceDependencies: number;
  mandatoryProcesses: number;
  approvalLatencyDays: number;
  /** The revenue attainment the area hovers around (1 = on target). */
  attainment: number;
}

/** A change of operating model that ramps in over its months and is complete in the latest month. */
interface Reorganisation {
  /** The first month of the change, counted back from the latest month (0 = the latest). */
  startsMonthsBeforeEnd: number;
  to: Partial<OperatingLevels>;
  /** The revenue target is assigned centrally from half-way through the change. */
  targetAssignedCentrally?: boolean;
  /** `accelerating` starts slowly and gathers pace, as an absorption into a central org does. */
  pace?: 'even' | 'accelerating';
}

interface AreaPlan extends DemoArea {
  /** Revenue target in the first month, whole currency units. */
  firstTarget: number;
  monthlyGrowth: number;
  /** Support teams grow with the company: the FTE levels scale by 1 + this over the whole history. */
  teamGrowth: number;
  levels: OperatingLevels;
  reorganisation?: Reorganisation;
  /** Months without figures, counted back from the latest month. */
  missingMonthsBeforeEnd?: number[];
  /** Month-to-month scatter of the operating figures, 0 (none) to 1. */
  scatter: number;
}

const steadyLevels: OperatingLevels = {
  marketingDedicatedFte: 3,
  marketingSharedFte: 0.5,
  salesDedicatedFte: 4,
  salesSharedFte: 0.5,
  hiresPerMonth: 2,
  leadOwnedHireShare: 1,
  decisionsPerMonth: 12,
  centralDecisionShare: 0.15,
  sharedServiceDependencies: 1,
  mandatoryProcesses: 3,
  approvalLatencyDays: 3,
  attainment: 1.04,
};

const PRIYA = 'priya.raman@demo.example';
const MARCUS = 'marcus.chen@demo.example';

/**
 * The demo story, read on the first screen (the latest month): Checkout absorbed into the central
 * growth org (critical drift), Mobile starting to slide (drift, warning), Data Platform centralised
 * while keeping ownership (clear), Marketplace losing ownership without centralisation (erosion,
 * clear), Identity with a missing month (not enough data), the rest healthy and steady.
 */
const AREA_PLANS: readonly AreaPlan[] = [
  {
    slug: 'payments',
    name: 'Payments',
    description: 'Card, wallet and bank-transfer acceptance for every market we sell in.',
    leadEmails: [PRIYA],
    firstTarget: 1_400_000,
    monthlyGrowth: 0.03,
    teamGrowth: 0.6,
    levels: { ...steadyLevels, marketingDedicatedFte: 3, salesDedicatedFte: 4.5, hiresPerMonth: 3, decisionsPerMonth: 16 },
    scatter: 0.6,
  },
  {
    slug: 'search',
    name: 'Search',
    description: 'Query understanding, ranking and the search results page.',
    leadEmails: [],
    firstTarget: 650_000,
    monthlyGrowth: 0.035,
    teamGrowth: 0.5,
    levels: { ...steadyLevels, marketingDedicatedFte: 2, salesDedicatedFte: 2.5, hiresPerMonth: 1.5, mandatoryProcesses: 2 },
    scatter: 0.6,
  },
  {
    slug: 'checkout',
    name: 'Checkout',
    description: 'Basket, checkout flow and conversion from cart to paid order.',
    leadEmails: [PRIYA],
    firstTarget: 900_000,
    monthlyGrowth: 0.035,
    teamGrowth: 0.4,
    levels: {
      ...steadyLevels,
      marketingDedicatedFte: 3.5,
      marketingSharedFte: 0.5,
      salesDedicatedFte: 4,
      salesSharedFte: 0.5,
      hiresPerMonth: 3,
      sharedServiceDependencies: 2,
      mandatoryProcesses: 4,
      approvalLatencyDays: 3,
      centralDecisionShare: 0.2,
      decisionsPerMonth: 14,
    },
    // Absorbed into the central growth org: shared marketing replaces the dedicated team,
    // central recruiting runs the hiring, the target is assigned, processes and latency climb.
    reorganisation: {
      startsMonthsBeforeEnd: 4,
      pace: 'accelerating',
      targetAssignedCentrally: true,
      to: {
        marketingDedicatedFte: 0.5,
        marketingSharedFte: 5,
        salesDedicatedFte: 2,
        salesSharedFte: 3.5,
        hiresPerMonth: 3.5,
        leadOwnedHireShare: 0.2,
        centralDecisionShare: 0.75,
        sharedServiceDependencies: 7,
        mandatoryProcesses: 13,
        approvalLatencyDays: 16,
        attainment: 0.9,
      },
    },
    scatter: 0.5,
  },
  {
    slug: 'mobile',
    name: 'Mobile',
    description: 'The iOS and Android apps and everything shipped through the app stores.',
    leadEmails: [MARCUS],
    firstTarget: 500_000,
    monthlyGrowth: 0.04,
    teamGrowth: 0.5,
    levels: {
      ...steadyLevels,
      marketingDedicatedFte: 2.5,
      marketingSharedFte: 0.5,
      salesDedicatedFte: 2,
      salesSharedFte: 0.5,
      hiresPerMonth: 2.5,
      mandatoryProcesses: 3,
      approvalLatencyDays: 4,
    },
    // App-store marketing and partner sales pulled into shared teams and release approvals
    // centralised, all within the last two months.
    reorganisation: {
      startsMonthsBeforeEnd: 1,
      to: {
        marketingDedicatedFte: 2,
        marketingSharedFte: 2.5,
        salesDedicatedFte: 2,
        salesSharedFte: 1.75,
        leadOwnedHireShare: 0.67,
        sharedServiceDependencies: 3,
        mandatoryProcesses: 5,
        approvalLatencyDays: 6,
        centralDecisionShare: 0.28,
      },
    },
    scatter: 0.3,
  },
  {
    slug: 'data-platform',
    name: 'Data Platform',
    description: 'Warehouse, pipelines and the analytics products sold to enterprise customers.',
    leadEmails: [MARCUS],
    firstTarget: 300_000,
    monthlyGrowth: 0.045,
    teamGrowth: 0.3,
    levels: {
      ...steadyLevels,
      marketingDedicatedFte: 1,
      marketingSharedFte: 1.5,
      salesDedicatedFte: 1.5,
      salesSharedFte: 1.5,
      hiresPerMonth: 2,
      mandatoryProcesses: 3,
    },
    // Became a company-wide platform (more central processes and dependencies) while the lead
    // built an own go-to-market team and kept running the hiring: centralised, but still owned.
    reorganisation: {
      startsMonthsBeforeEnd: 3,
      to: {
        marketingDedicatedFte: 2.5,
        marketingSharedFte: 1,
        salesDedicatedFte: 3.5,
        salesSharedFte: 1,
        sharedServiceDependencies: 4,
        mandatoryProcesses: 8,
        approvalLatencyDays: 6,
        centralDecisionShare: 0.35,
      },
    },
    scatter: 0.3,
  },
  {
    slug: 'growth',
    name: 'Growth',
    description: 'Acquisition, activation and the experiments that move them.',
    leadEmails: [PRIYA, MARCUS],
    firstTarget: 800_000,
    monthlyGrowth: 0.03,
    teamGrowth: 0.5,
    levels: { ...steadyLevels, marketingDedicatedFte: 4, marketingSharedFte: 1, salesDedicatedFte: 2, hiresPerMonth: 2 },
    scatter: 0.6,
  },
  {
    slug: 'marketplace',
    name: 'Marketplace',
    description: 'Third-party sellers: onboarding, listings and seller payouts.',
    leadEmails: [MARCUS],
    firstTarget: 700_000,
    monthlyGrowth: 0.03,
    teamGrowth: 0.4,
    levels: { ...steadyLevels, marketingDedicatedFte: 3, salesDedicatedFte: 4, salesSharedFte: 0.5, hiresPerMonth: 2.5 },
    // Dedicated marketers and sellers left and were backfilled from the shared pools, hiring went
    // to recruiting; no new processes or approvals: ownership erosion, not Chipotle drift.
    reorganisation: {
      startsMonthsBeforeEnd: 3,
      to: {
        marketingDedicatedFte: 1.5,
        marketingSharedFte: 2,
        salesDedicatedFte: 3,
        salesSharedFte: 2,
        leadOwnedHireShare: 0.5,
        attainment: 0.94,
      },
    },
    scatter: 0,
  },
  {
    slug: 'identity',
    name: 'Identity',
    description: 'Sign-up, sign-in, single sign-on and account security.',
    leadEmails: [],
    firstTarget: 350_000,
    monthlyGrowth: 0.03,
    teamGrowth: 0.5,
    levels: { ...steadyLevels, marketingDedicatedFte: 1.5, salesDedicatedFte: 2, hiresPerMonth: 1.5, decisionsPerMonth: 9 },
    // Last month's figures were never entered.
    missingMonthsBeforeEnd: [1],
    scatter: 0.6,
  },
  {
    slug: 'billing',
    name: 'Billing',
    description: 'Subscriptions, invoicing, tax and dunning.',
    leadEmails: [PRIYA],
    firstTarget: 450_000,
    monthlyGrowth: 0.03,
    teamGrowth: 0.5,
    levels: { ...steadyLevels, marketingDedicatedFte: 1.5, salesDedicatedFte: 3, hiresPerMonth: 1.5, mandatoryProcesses: 4 },
    scatter: 0.6,
  },
  {
    slug: 'developer-platform',
    name: 'Developer Platform',
    description: 'Public APIs, SDKs and the developer portal for partners.',
    leadEmails: [],
    firstTarget: 400_000,
    monthlyGrowth: 0.04,
    teamGrowth: 0.6,
    levels: { ...steadyLevels, marketingDedicatedFte: 2, salesDedicatedFte: 1.5, hiresPerMonth: 2, decisionsPerMonth: 10 },
    scatter: 0.6,
  },
];

const DEMO_USERS: readonly DemoUser[] = [
  { email: 'exec@demo.example', name: 'Erin Executive', role: 'executive', password: 'demo-exec-2024', leads: [] },
  {
    email: PRIYA,
    name: 'Priya Raman',
    role: 'area_lead',
    password: 'demo-lead-priya',
    leads: AREA_PLANS.filter((plan) => plan.leadEmails.includes(PRIYA)).map((plan) => plan.slug),
  },
  {
    email: MARCUS,
    name: 'Marcus Chen',
    role: 'area_lead',
    password: 'demo-lead-marcus',
    leads: AREA_PLANS.filter((plan) => plan.leadEmails.includes(MARCUS)).map((plan) => plan.slug),
  },
  { email: 'viewer@demo.example', name: 'Val Viewer', role: 'viewer', password: 'demo-viewer-2024', leads: [] },
];

/**
 * A fast-growing company of ten areas with `months` months of figures ending at `endMonth`.
 * Pure and deterministic: the same options always give the same organisation.
 */
export function buildDemoOrganisation(options: DemoOrganisationOptions): DemoOrganisation {
  const months = options.months ?? DEMO_DEFAULT_MONTHS;
  if (!Number.isInteger(months) || months < DEMO_MIN_MONTHS || months > DEMO_MAX_MONTHS) {
    throw new RangeError(`the demo needs ${DEMO_MIN_MONTHS}–${DEMO_MAX_MONTHS} whole months of history, got ${months}`);
  }
  const end = monthNumber(options.endMonth);
  if (end - (months - 1) < 0) throw new RangeError(`${months} months before ${options.endMonth} is before year 0`);
  const calendar = Array.from({ length: months }, (_, position) => monthText(end - (months - 1) + position));

  return {
    areas: AREA_PLANS.map(({ slug, name, description, leadEmails }) => ({ slug, name, description, leadEmails: [...leadEmails] })),
    rows: AREA_PLANS.flatMap((plan) => areaRows(plan, calendar)),
    users: DEMO_USERS.map((user) => ({ ...user, leads: [...user.leads] })),
    targetPlans: AREA_PLANS.map((plan) => nextQuarterPlan(plan, end, months)),
  };
}

/** Each area's target for the three months after the latest, as its lead would plan them. */
function nextQuarterPlan(plan: AreaPlan, end: number, months: number): DemoTargetPlan {
  // The monthly target keeps growing; the plan holds its middle month's value for the quarter.
  const revenueTarget = Math.round((plan.firstTarget * (1 + plan.monthlyGrowth) ** (months + 1)) / 1000) * 1000;
  return {
    areaSlug: plan.slug,
    from: monthText(end + 1),
    to: monthText(end + 3),
    revenueTarget,
    reason: 'Plan for the coming quarter',
    byEmail: plan.leadEmails[0] ?? null,
  };
}

function areaRows(plan: AreaPlan, calendar: readonly string[]): ImportRow[] {
  const random = seededRandom(hashText(plan.slug));
  const jitter = (spread: number) => (random() - 0.5) * spread * plan.scatter;
  const last = calendar.length - 1;
  const missing = new Set(plan.missingMonthsBeforeEnd ?? []);
  let attainment = plan.levels.attainment;

  const rows: ImportRow[] = [];
  calendar.forEach((month, position) => {
    const monthsBeforeEnd = last - position;
    const progress = reorganisationProgress(plan.reorganisation, monthsBeforeEnd);
    const teamScale = 1 + (plan.teamGrowth * position) / last;
    // FTE levels grow with the company; a reorganisation heads for its own absolute levels.
    const level = (key: keyof OperatingLevels, scale = 1): number => {
      const from = plan.levels[key] * scale;
      const to = plan.reorganisation?.to[key];
      return to === undefined ? from : from + (to - from) * progress;
    };
    // Proportional scatter: a quarter FTE more or less means little to a team of six, much to one of one.
    const fte = (key: keyof OperatingLevels) => quarterSteps(level(key, teamScale) * (1 + jitter(0.15)));

    // Attainment wanders: pulled back towards the area's usual level, never beyond 85–115 %.
    attainment = clamp(level('attainment') + 0.7 * (attainment - level('attainment')) + (random() - 0.5) * 0.14, 0.85, 1.15);
    const revenueTarget = Math.round((plan.firstTarget * (1 + plan.monthlyGrowth) ** position) / 1000) * 1000;
    const revenueActual = Math.round(revenueTarget * attainment);

    // Some months close no hire at all, which is when the hiring share carries forward; the first
    // month has hires, so the hiring share is in the index from the start.
    const quietMonth = random() < QUIET_HIRING_CHANCE && position > 0;
    const hiresTotal = quietMonth ? 0 : clamp(Math.round(level('hiresPerMonth') + (random() - 0.5) * 4), 1, 5);
    const hiresLeadOwned = clamp(Math.round(hiresTotal * level('leadOwnedHireShare')), 0, hiresTotal);
    const decisionsTotal = clamp(Math.round(level('decisionsPerMonth') + (random() - 0.5) * 8), 5, 25);
    const decisionsCentral = clamp(Math.round(decisionsTotal * level('centralDecisionShare')), 0, decisionsTotal);

    const row: ImportRow = {
      areaSlug: plan.slug,
      areaName: plan.name,
      month,
      revenueTarget,
      revenueActual,
      marketingDedicatedFte: clamp(fte('marketingDedicatedFte'), 0.5, 8),
      marketingSharedFte: clamp(fte('marketingSharedFte'), 0, 6),
      salesDedicatedFte: clamp(fte('salesDedicatedFte'), 0.5, 8),
      salesSharedFte: clamp(fte('salesSharedFte'), 0, 6),
      hiresTotal,
      hiresLeadOwned,
      decisionsTotal,
      decisionsCentral,
      sharedServiceDependencies: clamp(Math.round(level('sharedServiceDependencies') + jitter(1.2)), 0, 8),
      mandatoryProcesses: clamp(Math.round(level('mandatoryProcesses') + jitter(1.6)), 1, 14),
      approvalLatencyDays: clamp(halfSteps(level('approvalLatencyDays') + jitter(2)), 1, 20),
      targetOwner: plan.reorganisation?.targetAssignedCentrally && progress >= 0.5 ? 'central' : 'area',
    };
    // The month is still drawn above, so a gap does not reshuffle the months after it.
    if (!missing.has(monthsBeforeEnd)) rows.push(row);
  });
  return rows;
}

/** 0 before the change starts, rising to 1 in the latest month. */
function reorganisationProgress(reorganisation: Reorganisation | undefined, monthsBeforeEnd: number): number {
  if (!reorganisation) return 0;
  const rampMonths = reorganisation.startsMonthsBeforeEnd + 1;
  const evenProgress = clamp((rampMonths - monthsBeforeEnd) / rampMonths, 0, 1);
  return reorganisation.pace === 'accelerating' ? evenProgress ** 2 : evenProgress;
}


/** FNV-1a: each area gets its own random stream, independent of the others' order. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function monthNumber(month: string): number {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`endMonth must be a month written YYYY-MM, got ${JSON.stringify(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthText(monthNumber: number): string {
  const year = Math.floor(monthNumber / 12);
  return `${String(year).padStart(4, '0')}-${String(monthNumber - year * 12 + 1).padStart(2, '0')}`;
}

function halfSteps(value: number): number {
  return Math.round(value * 2) / 2;
}

function quarterSteps(value: number): number {
  return Math.round(value * 4) / 4;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
