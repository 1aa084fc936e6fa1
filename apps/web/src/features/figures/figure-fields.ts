import type { AreaMonthFigures } from '@autonomy/contracts';
import { formatAmount } from '../../lib/format.ts';

/**
 * The fourteen monthly inputs of an area in plain words: how the form labels them, and how the
 * history names them in a line such as "approval latency 12 → 16 days". One list, so the form,
 * the conflict panel and the Changes panel never call a figure by two names.
 */

export type FigureKey = keyof AreaMonthFigures;

export interface FigureField {
  key: FigureKey;
  /** The form's label. */
  label: string;
  /** What the number counts, shown after the input; null for the choice of who set the target. */
  unit: string | null;
  /** One line on what goes in the field. */
  hint: string;
  /** Whole numbers only (counts), for the keyboard a phone offers. */
  whole: boolean;
  /** The figure's name inside a sentence: "hires", "approval latency". */
  inSentence: string;
  /** The unit after a value inside a sentence ("12 → 16 days"); empty when the name says it. */
  sentenceUnit: string;
}

export interface FigureGroup {
  title: string;
  description: string;
  fields: readonly FigureField[];
}

const MONEY_UNIT = 'currency units';

export const FIGURE_GROUPS: readonly FigureGroup[] = [
  {
    title: 'Revenue',
    description: 'The month’s revenue, in whole currency units (decimals allowed).',
    fields: [
      { key: 'revenueTarget', label: 'Revenue target', unit: MONEY_UNIT, hint: 'What the area was expected to bring in this month.', whole: false, inSentence: 'revenue target', sentenceUnit: '' },
      { key: 'revenueActual', label: 'Revenue actual', unit: MONEY_UNIT, hint: 'What the area brought in this month.', whole: false, inSentence: 'revenue actual', sentenceUnit: '' },
      { key: 'targetOwner', label: 'Target set by', unit: null, hint: 'Whether the area set its own target or had it assigned centrally.', whole: false, inSentence: 'target set by', sentenceUnit: '' },
    ],
  },
  {
    title: 'Marketing',
    description: 'Marketing people working for the area, in full-time equivalents (FTE).',
    fields: [
      { key: 'marketingDedicatedFte', label: 'Dedicated marketing', unit: 'FTE', hint: 'Owned by the area and working only for it.', whole: false, inSentence: 'dedicated marketing', sentenceUnit: ' FTE' },
      { key: 'marketingSharedFte', label: 'Shared marketing', unit: 'FTE', hint: 'Drawn from a shared, central marketing pool.', whole: false, inSentence: 'shared marketing', sentenceUnit: ' FTE' },
    ],
  },
  {
    title: 'Sales',
    description: 'Sales people working for the area, in full-time equivalents (FTE).',
    fields: [
      { key: 'salesDedicatedFte', label: 'Dedicated sales', unit: 'FTE', hint: 'Owned by the area and working only for it.', whole: false, inSentence: 'dedicated sales', sentenceUnit: ' FTE' },
      { key: 'salesSharedFte', label: 'Shared sales', unit: 'FTE', hint: 'Drawn from a shared, central sales pool.', whole: false, inSentence: 'shared sales', sentenceUnit: ' FTE' },
    ],
  },
  {
    title: 'Hiring',
    description: 'Hires closed this month, and how many of them the area lead ran end to end.',
    fields: [
      { key: 'hiresTotal', label: 'Hires closed', unit: 'hires', hint: 'Every hire that closed this month.', whole: true, inSentence: 'hires', sentenceUnit: '' },
      { key: 'hiresLeadOwned', label: 'Hires run by the lead', unit: 'hires', hint: 'Of those, the ones the area lead ran end to end.', whole: true, inSentence: 'hires run by the lead', sentenceUnit: '' },
    ],
  },
  {
    title: 'Decisions',
    description: 'Material decisions this month, and how many needed central sign-off.',
    fields: [
      { key: 'decisionsTotal', label: 'Material decisions', unit: 'decisions', hint: 'Every material decision the area made this month.', whole: true, inSentence: 'decisions', sentenceUnit: '' },
      { key: 'decisionsCentral', label: 'Decisions needing central sign-off', unit: 'decisions', hint: 'Of those, the ones that waited for a central approval.', whole: true, inSentence: 'central decisions', sentenceUnit: '' },
    ],
  },
  {
    title: 'Central process',
    description: 'How much the centre stands between the area and its work.',
    fields: [
      { key: 'sharedServiceDependencies', label: 'Shared-service dependencies', unit: 'teams', hint: 'Central teams in the area’s critical path.', whole: true, inSentence: 'shared-service dependencies', sentenceUnit: '' },
      { key: 'mandatoryProcesses', label: 'Mandatory central processes', unit: 'processes', hint: 'Centrally imposed processes the area must follow.', whole: true, inSentence: 'mandatory processes', sentenceUnit: '' },
      { key: 'approvalLatencyDays', label: 'Approval latency', unit: 'days', hint: 'Median days to get a central approval.', whole: false, inSentence: 'approval latency', sentenceUnit: ' days' },
    ],
  },
];

/** Every figure once, in form order. */
export const FIGURE_FIELDS: readonly FigureField[] = FIGURE_GROUPS.flatMap((group) => group.fields);

const FIELDS_BY_KEY = new Map(FIGURE_FIELDS.map((field) => [field.key, field]));

export function figureField(key: FigureKey): FigureField {
  const field = FIELDS_BY_KEY.get(key);
  if (!field) throw new Error(`No figure field ${key}`);
  return field;
}

export function isFigureKey(name: string): name is FigureKey {
  return FIELDS_BY_KEY.has(name as FigureKey);
}

const TARGET_OWNER_LABELS: Record<AreaMonthFigures['targetOwner'], string> = { area: 'the area', central: 'central' };

/** Who set the target, in words: "the area", "central". */
export function formatTargetOwner(owner: AreaMonthFigures['targetOwner']): string {
  return TARGET_OWNER_LABELS[owner];
}

/** A figure's value for reading (not for an input): `1,250,000`, `2.5`, `the area`. */
export function formatFigureValue(key: FigureKey, value: AreaMonthFigures[FigureKey]): string {
  if (key === 'targetOwner') return value === 'area' || value === 'central' ? formatTargetOwner(value) : String(value);
  return typeof value === 'number' ? formatAmount(value) : String(value);
}

/** The same value with its unit, for a table cell: `16 days`, `2.5 FTE`, `4 hires`. */
export function formatFigureWithUnit(key: FigureKey, value: AreaMonthFigures[FigureKey]): string {
  const { unit } = figureField(key);
  const text = formatFigureValue(key, value);
  return unit && unit !== MONEY_UNIT ? `${text} ${unit}` : text;
}
