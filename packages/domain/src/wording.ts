import type { MonthlyFigures } from './figures.ts';
import type { MonthIndices } from './indices.ts';
import type { CentralisationComponent, OwnershipComponent } from './settings.ts';

export type Component = OwnershipComponent | CentralisationComponent;

/** A month as the explanation sees it: the figures people typed and the components derived from them. */
export interface MonthSnapshot {
  figures: MonthlyFigures;
  indices: MonthIndices;
}

/** What each component measures, phrased so "label before → after" reads as a sentence. */
const LABELS: Record<Component, string> = {
  marketing: 'marketing support dedicated to the area',
  sales: 'sales support dedicated to the area',
  hiring: 'hiring owned by the lead',
  target: 'revenue target',
  dependencies: 'shared-service dependencies',
  processes: 'mandatory processes',
  latency: 'approval latency',
  centralDecisions: 'decisions needing central sign-off',
};

export function componentLabel(component: Component): string {
  return LABELS[component];
}

/**
 * A component's value in its own units: "90%", "4 dependencies", "12 days", "assigned centrally".
 * `value` is the component's value that month (a share for marketing, sales, hiring and decisions).
 */
export function valueText(component: Component, value: number | null, figures: MonthlyFigures): string {
  switch (component) {
    case 'marketing':
    case 'sales':
      return shareText(value, 'none');
    case 'hiring':
      return shareText(value, 'no hires yet');
    case 'target':
      return figures.targetOwner === 'area' ? 'set by the area' : 'assigned centrally';
    case 'dependencies':
      return counted(figures.sharedServiceDependencies, 'dependency', 'dependencies');
    case 'processes':
      return counted(figures.mandatoryProcesses, 'process', 'processes');
    case 'latency':
      return counted(figures.approvalLatencyDays, 'day', 'days');
    case 'centralDecisions':
      return shareText(value, 'no decisions yet');
  }
}

/**
 * The sentence for one component's move, given each month's value in words (`valueText`):
 * "hiring owned by the lead 90% → 30%: −15.0 pts".
 */
export function moveText(
  component: Component,
  before: MonthSnapshot,
  after: MonthSnapshot,
  beforeText: string,
  afterText: string,
  points: number,
): string {
  const from = inSentence(component, before, beforeText);
  const to = inSentence(component, after, afterText);
  return `${LABELS[component]} ${from} → ${to}${carriedNote(component, after)}: ${formatPoints(points)}`;
}

// The label already names what is counted, so "shared-service dependencies 0 → 4" drops the unit.
function inSentence(component: Component, month: MonthSnapshot, text: string): string {
  if (component === 'dependencies') return formatNumber(month.figures.sharedServiceDependencies);
  if (component === 'processes') return formatNumber(month.figures.mandatoryProcesses);
  return text;
}

// A month without hires (or decisions) shows an earlier month's value; say so, or "→ 0%" reads
// as if this month's hires had all gone through the centre.
function carriedNote(component: Component, month: MonthSnapshot): string {
  const { carriedForward } = month.indices;
  if (component === 'hiring' && carriedForward.hiring !== null) return ` (carried from ${carriedForward.hiring})`;
  if (component === 'centralDecisions' && carriedForward.centralDecisions !== null) {
    return ` (carried from ${carriedForward.centralDecisions})`;
  }
  return '';
}

/** Signed points to one decimal with a real minus sign: "+12.5 pts", "−15.0 pts", "0.0 pts". */
export function formatPoints(points: number): string {
  const tenths = Math.round(points * 10);
  return POINTS_TEXT[tenths + MAX_TENTHS] ?? pointsText(tenths);
}

// A contribution is the difference of two shares of an index, each in 0..100, so it rounds to one
// of 2,001 texts: made once here rather than once per contribution. Anything else (only possible
// for a caller's own number) is worded on the spot.
const MAX_TENTHS = 1000;
const POINTS_TEXT: readonly string[] = Array.from({ length: 2 * MAX_TENTHS + 1 }, (_, i) => pointsText(i - MAX_TENTHS));

function pointsText(tenths: number): string {
  if (tenths === 0) return '0.0 pts';
  const size = Math.abs(tenths);
  return `${tenths > 0 ? '+' : '−'}${Math.floor(size / 10)}.${size % 10} pts`;
}

// A share is in [0, 1], so its rounded percentage is one of 101 strings, made once rather than
// per contribution.
const PERCENT_TEXT: readonly string[] = Array.from({ length: 101 }, (_, percent) => `${percent}%`);

// null only for a component left out: hiring or decisions with none ever recorded.
function shareText(share: number | null, whenLeftOut: string): string {
  return share === null ? whenLeftOut : PERCENT_TEXT[Math.round(share * 100)]!;
}

function counted(value: number, singular: string, plural: string): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

// Counts are whole numbers; latency days may be fractional, shown to one decimal.
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : oneDecimal(value);
}

/**
 * `value.toFixed(1)`, which is exact but slow (it dominated the wording of fractional latency).
 * Tenths by rounding value × 10 agree with it except where value × 10 lies within rounding error
 * of a half, or the value is too large for the error bound below; those few go to toFixed itself.
 * Exported for the test that compares the two.
 */
export function oneDecimal(value: number): string {
  const scaled = value * 10;
  const fraction = scaled - Math.floor(scaled);
  if (!(value >= 0 && value < 1e6) || Math.abs(fraction - 0.5) < 1e-6) return value.toFixed(1);
  const tenths = Math.round(scaled);
  const whole = Math.floor(tenths / 10);
  return `${whole}.${tenths - whole * 10}`;
}
