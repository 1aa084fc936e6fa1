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

/** A component's value in its own units: "90%", "4 dependencies", "12 days", "assigned centrally". */
export function valueText(component: Component, month: MonthSnapshot): string {
  const { figures, indices } = month;
  switch (component) {
    case 'marketing':
    case 'sales':
    case 'hiring':
      return shareText(indices.ownershipComponents[component], component === 'hiring' ? 'no hires yet' : 'none');
    case 'target':
      return figures.targetOwner === 'area' ? 'set by the area' : 'assigned centrally';
    case 'dependencies':
      return counted(figures.sharedServiceDependencies, 'dependency', 'dependencies');
    case 'processes':
      return counted(figures.mandatoryProcesses, 'process', 'processes');
    case 'latency':
      return counted(figures.approvalLatencyDays, 'day', 'days');
    case 'centralDecisions':
      return shareText(indices.centralisationComponents.centralDecisions, 'no decisions yet');
  }
}

/** The words for one component's move: its value before and after, and the sentence. */
export interface MoveWords {
  beforeText: string;
  afterText: string;
  /** e.g. "hiring owned by the lead 90% → 30%: −15.0 pts". */
  text: string;
}

export function describeMove(
  component: Component,
  before: MonthSnapshot,
  after: MonthSnapshot,
  points: number,
): MoveWords {
  const beforeText = valueText(component, before);
  const afterText = valueText(component, after);
  const from = inSentence(component, before, beforeText);
  const to = inSentence(component, after, afterText);
  return {
    beforeText,
    afterText,
    text: `${LABELS[component]} ${from} → ${to}${carriedNote(component, after)}: ${formatPoints(points)}`,
  };
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
  if (tenths === 0) return '0.0 pts';
  // Whole and tenths by integer arithmetic: toFixed is slow, and this runs per contribution.
  const size = Math.abs(tenths);
  return `${tenths > 0 ? '+' : '−'}${Math.floor(size / 10)}.${size % 10} pts`;
}

// null only for a component left out: hiring or decisions with none ever recorded.
function shareText(share: number | null, whenLeftOut: string): string {
  return share === null ? whenLeftOut : `${Math.round(share * 100)}%`;
}

function counted(value: number, singular: string, plural: string): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

// Counts are whole numbers; latency days may be fractional, shown to one decimal.
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
