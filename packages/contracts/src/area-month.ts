import { z } from 'zod';
import { monthSchema, slugSchema } from './primitives.ts';

/**
 * The largest figures that can be stored: money, FTE and days are numeric(18,4) in the database
 * (below 10^14), counts 32-bit integers. Larger values are refused as input (422) rather than
 * failing the write.
 */
export const MAX_DECIMAL_FIGURE = 99_999_999_999_999;
export const MAX_COUNT_FIGURE = 2_147_483_647;

/** numeric(18,4) keeps four decimals: a fifth would be rounded away silently, so it is refused. */
export const MAX_DECIMAL_PLACES = 4;
export const DECIMAL_PLACES_MESSAGE = `must have at most ${MAX_DECIMAL_PLACES} decimal places`;

/** Whether the value survives being stored with four decimals (0.1 does; 0.00001 does not). */
export function fitsDecimalPlaces(value: number): boolean {
  return Number(value.toFixed(MAX_DECIMAL_PLACES)) === value;
}

/** How far binary floating-point noise may take a value from its 4-decimal rounding, relative to max(1, |x|). */
const NOISE = 1e-9;

/**
 * The brief's "Numbers in files and bodies": scripts and spreadsheets write `3.4000000000000004`
 * for 3.4. A value within 1e-9 × max(1, |x|) of its 4-decimal rounding is that rounding; any
 * other value comes back unchanged (and is refused if it has more than 4 decimals).
 */
export function withoutFloatNoise(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return value;
  // `|| 0`: noise around zero from below (-5e-324) is zero, not minus zero.
  const rounded = Number(value.toFixed(MAX_DECIMAL_PLACES)) || 0;
  return Math.abs(value - rounded) <= NOISE * Math.max(1, Math.abs(value)) ? rounded : value;
}

export const decimalFigureSchema = z
  .number()
  .finite()
  .overwrite(withoutFloatNoise)
  .min(0, 'must be 0 or more')
  .max(MAX_DECIMAL_FIGURE, `must be at most ${MAX_DECIMAL_FIGURE.toLocaleString('en-US')}`)
  .refine(fitsDecimalPlaces, DECIMAL_PLACES_MESSAGE);
const money = decimalFigureSchema;
const fte = decimalFigureSchema;
const count = z
  .number()
  .overwrite(withoutFloatNoise)
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(MAX_COUNT_FIGURE, `must be at most ${MAX_COUNT_FIGURE.toLocaleString('en-US')}`);

/** The monthly inputs of one area, the CSV columns in camelCase (area and month aside). */
export const areaMonthFiguresObject = z.object({
  revenueTarget: money,
  revenueActual: money,
  marketingDedicatedFte: fte,
  marketingSharedFte: fte,
  salesDedicatedFte: fte,
  salesSharedFte: fte,
  hiresTotal: count,
  hiresLeadOwned: count,
  decisionsTotal: count,
  decisionsCentral: count,
  sharedServiceDependencies: count,
  mandatoryProcesses: count,
  approvalLatencyDays: decimalFigureSchema,
  targetOwner: z.enum(['area', 'central']),
});
export type AreaMonthFigures = z.infer<typeof areaMonthFiguresObject>;

/** The cross-field rules of the brief: owned hires ≤ hires, central decisions ≤ decisions. */
export function checkFigureRules(
  figures: Pick<AreaMonthFigures, 'hiresTotal' | 'hiresLeadOwned' | 'decisionsTotal' | 'decisionsCentral'>,
): { path: keyof AreaMonthFigures; message: string }[] {
  const problems: { path: keyof AreaMonthFigures; message: string }[] = [];
  if (figures.hiresLeadOwned > figures.hiresTotal) {
    problems.push({ path: 'hiresLeadOwned', message: 'must not exceed hiresTotal' });
  }
  if (figures.decisionsCentral > figures.decisionsTotal) {
    problems.push({ path: 'decisionsCentral', message: 'must not exceed decisionsTotal' });
  }
  return problems;
}

export const areaMonthFiguresSchema = areaMonthFiguresObject
  .strict()
  .superRefine((figures, ctx) => {
    for (const problem of checkFigureRules(figures)) {
      ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    }
  })
  .meta({ id: 'AreaMonthFigures' });

export const areaMonthSchema = areaMonthFiguresObject
  .extend({
    areaSlug: slugSchema,
    month: monthSchema,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AreaMonth' });
export type AreaMonth = z.infer<typeof areaMonthSchema>;

export const areaMonthParamsSchema = z.object({ slug: slugSchema, month: monthSchema });

/**
 * Figures are for months that have begun: "month 2031-01 has not begun: figures go up to 2026-12,
 * the current month". A planned target for a later month is a target, not figures.
 */
export function monthNotBegunMessage(field: string, month: string, currentMonth: string): string {
  return `${field} ${month} has not begun: figures go up to ${currentMonth}, the current month`;
}
