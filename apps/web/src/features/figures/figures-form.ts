import {
  areaMonthFiguresObject,
  areaMonthFiguresSchema,
  type AreaMonthFigures,
  type AreaTargets,
  type FieldError,
} from '@autonomy/contracts';
import type { ConflictFields } from '../../lib/conflict.ts';
import type { FieldErrors, PlacedErrors } from '../../lib/field-errors.ts';
import { addMonths } from '../../lib/format.ts';
import { FIGURE_FIELDS, figureField, formatFigureWithUnit, isFigureKey, type FigureKey } from './figure-fields.ts';

/**
 * The figures form as data: text in, figures out, and what a conflict looks like. Every rule on
 * the values themselves (0 or more, whole counts, owned hires ≤ hires) is the contract's own
 * `areaMonthFiguresSchema`, the one the API validates the save with.
 */

/** What the inputs hold: the text as typed, so a half-typed "2." is not rewritten under the cursor. */
export type FiguresFormValues = Record<FigureKey, string>;

/**
 * Just the fourteen figures of an area month. The API's PUT is strict, so the area, month,
 * version and timestamps that come with a GET must not travel back.
 */
export function pickFigures(source: AreaMonthFigures): AreaMonthFigures {
  return {
    revenueTarget: source.revenueTarget,
    revenueActual: source.revenueActual,
    marketingDedicatedFte: source.marketingDedicatedFte,
    marketingSharedFte: source.marketingSharedFte,
    salesDedicatedFte: source.salesDedicatedFte,
    salesSharedFte: source.salesSharedFte,
    hiresTotal: source.hiresTotal,
    hiresLeadOwned: source.hiresLeadOwned,
    decisionsTotal: source.decisionsTotal,
    decisionsCentral: source.decisionsCentral,
    sharedServiceDependencies: source.sharedServiceDependencies,
    mandatoryProcesses: source.mandatoryProcesses,
    approvalLatencyDays: source.approvalLatencyDays,
    targetOwner: source.targetOwner,
  };
}

/** The revenue target planned ahead for a month without figures, when one was set; otherwise null. */
export function plannedTargetFor(targets: AreaTargets, month: string): number | null {
  const target = targets.months.find((candidate) => candidate.month === month);
  return target?.planned ? target.revenueTarget : null;
}

/**
 * What the form for a new month starts from: the latest month's figures, except the revenue
 * target when one was planned for the new month, since that target was decided for it already.
 */
export function prefillNewMonth(latest: AreaMonthFigures, plannedTarget: number | null): AreaMonthFigures {
  const figures = pickFigures(latest);
  return plannedTarget === null ? figures : { ...figures, revenueTarget: plannedTarget };
}

/**
 * This month's own flows: what came in, who was hired, what was decided. A copy of last month's
 * is a false number that a hurried save would record and feed to the signals, so a new month's
 * form leaves them empty. The stocks (support, dependencies, processes, latency, who set the
 * target) carry over from month to month and are prefilled.
 */
export const FLOW_FIELDS = ['revenueActual', 'hiresTotal', 'hiresLeadOwned', 'decisionsTotal', 'decisionsCentral'] as const satisfies readonly FigureKey[];

/** The inputs of a new month's form: the prefilled stocks, and the flows left empty to be entered. */
export function newMonthFormValues(prefilled: AreaMonthFigures): FiguresFormValues {
  const values = toFiguresFormValues(prefilled);
  for (const key of FLOW_FIELDS) values[key] = '';
  return values;
}

/** Figures as the inputs show them: plain digits, no grouping, as many decimals as they have. */
export function toFiguresFormValues(figures: AreaMonthFigures): FiguresFormValues {
  const picked = pickFigures(figures);
  return Object.fromEntries(FIGURE_FIELDS.map(({ key }) => [key, String(picked[key])])) as FiguresFormValues;
}

// Digits with an optional decimal point and sign. No exponents or hex, which Number() would accept,
// and no commas: "1,000" and "2,5" mean different things to different readers, so neither is guessed.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export type ParsedFigures = { ok: true; figures: AreaMonthFigures } | { ok: false; errors: FieldErrors<FigureKey> };

/**
 * The form's text as figures for the API, or what is wrong, field by field. Text that is not a
 * number is caught here; everything else is the contract's verdict, in plain words.
 */
export function parseFiguresForm(values: FiguresFormValues): ParsedFigures {
  const errors: FieldErrors<FigureKey> = {};
  const candidate: Record<string, unknown> = {};
  for (const { key, whole } of FIGURE_FIELDS) {
    const text = values[key].trim();
    if (key === 'targetOwner') {
      // Unchosen only on an area's first figures, where there is nothing to carry over.
      if (text === '') errors[key] = ['Choose who set the target.'];
      else candidate[key] = text;
    } else if (text === '') {
      errors[key] = ['Enter a number.'];
    } else if (!DECIMAL.test(text)) {
      errors[key] = [whole ? 'Enter a whole number, such as 4.' : 'Enter a number, such as 2.5.'];
    } else {
      candidate[key] = Number(text);
    }
  }
  if (Object.keys(errors).length > 0) {
    // Still judge the fields that did parse, so one save reports everything. Each on its own: a rule
    // between two figures (owned hires ≤ hires) waits until both are numbers.
    const others = areaMonthFiguresObject.safeParse({ ...fillUnparsed(candidate), ...candidate });
    if (!others.success) addIssues(errors, others.error.issues, (key) => errors[key] === undefined);
    return { ok: false, errors };
  }
  const parsed = areaMonthFiguresSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, figures: parsed.data };
  addIssues(errors, parsed.error.issues, () => true);
  return { ok: false, errors };
}

/** A stand-in for every figure not parsed yet, so the schema judges the others instead of the gaps. */
function fillUnparsed(candidate: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIGURE_FIELDS.filter(({ key }) => !(key in candidate)).map(({ key }) => [key, 0]));
}

function addIssues(
  errors: FieldErrors<FigureKey>,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  keep: (key: FigureKey) => boolean,
): void {
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (isFigureKey(key) && keep(key)) (errors[key] ??= []).push(explainFigureMessage(issue.message));
  }
}

/**
 * A contract message for reading beside a field: "must not exceed hiresTotal" becomes "Must not
 * exceed hires closed." The API words its messages after the field name; beside the field they
 * start a sentence of their own, and name other figures the way the form labels them.
 */
export function explainFigureMessage(message: string): string {
  const named = message.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b/g, (word) =>
    isFigureKey(word) ? figureField(word).label.toLowerCase() : word,
  );
  const sentence = named.charAt(0).toUpperCase() + named.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

// The rules between figures: the part may not exceed its total.
const PART_OF_TOTAL: Partial<Record<FigureKey, FigureKey>> = { hiresTotal: 'hiresLeadOwned', decisionsTotal: 'decisionsCentral' };

/**
 * The fields whose errors a change to `key` may have answered: its own, and for a total, its
 * part's ("must not exceed hires closed" may no longer hold once hires closed changes).
 */
export function errorsAnsweredBy(key: FigureKey): FigureKey[] {
  const part = PART_OF_TOTAL[key];
  return part ? [key, part] : [key];
}

/**
 * Puts each of the API's 422 errors next to its figure; paths may be `hiresTotal` or `/hiresTotal`.
 * Not `placeFieldErrors`: a figure's path is the whole path, and the list under the form shows it trimmed.
 */
export function placeFigureErrors(errors: readonly FieldError[]): PlacedErrors<FigureKey> {
  const placed: PlacedErrors<FigureKey> = { byField: {}, general: [] };
  for (const error of errors) {
    const path = error.path.replace(/^[/.]+/, '').replace(/^body[./]/, '');
    if (isFigureKey(path)) (placed.byField[path] ??= []).push(explainFigureMessage(error.message));
    else placed.general.push(path ? `${path}: ${error.message}` : error.message);
  }
  return placed;
}

/** The figures that differ between two sets, in form order. */
export function diffFigures(a: AreaMonthFigures, b: AreaMonthFigures): FigureKey[] {
  return FIGURE_FIELDS.map(({ key }) => key).filter((key) => a[key] !== b[key]);
}

/** How the conflict panel compares the figures and words them, units and all. */
export const FIGURE_CONFLICT_FIELDS: ConflictFields<AreaMonthFigures, FigureKey> = {
  diff: diffFigures,
  label: (key) => figureField(key).label,
  format: (key, figures) => formatFigureWithUnit(key, figures[key]),
};

/** A date's calendar month, `YYYY-MM`, in the reader's own time zone. */
export function monthOf(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The month a lead can add figures for from the area page: the current month, when the latest
 * month with figures is the one just before it (figures are entered as a month closes). Older
 * gaps and backfills are the CSV import's job.
 */
export function monthToAdd(latestMonth: string | null, today: Date): string | null {
  if (latestMonth === null) return null;
  const next = addMonths(latestMonth, 1);
  return next === monthOf(today) ? next : null;
}

/**
 * The month a new month's stocks are prefilled from: the nearest earlier month with figures,
 * however far back (a gap does not reset support or processes); null when there is none, as for
 * an area's first figures.
 */
export function previousMonthWithFigures(monthsWithFigures: readonly string[], month: string): string | null {
  let nearest: string | null = null;
  for (const candidate of monthsWithFigures) {
    if (candidate < month && (nearest === null || candidate > nearest)) nearest = candidate;
  }
  return nearest;
}

/**
 * The inputs of an area's first figures: nothing to carry over, so every figure is entered, who
 * set the target included (left unchosen rather than guessed). A target planned for the month
 * was decided for it already and is filled in.
 */
export function firstMonthFormValues(plannedTarget: number | null): FiguresFormValues {
  const values = Object.fromEntries(FIGURE_FIELDS.map(({ key }) => [key, ''])) as FiguresFormValues;
  if (plannedTarget !== null) values.revenueTarget = String(plannedTarget);
  return values;
}
