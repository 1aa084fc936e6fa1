import { z } from 'zod';
import { monthSchema, slugSchema } from './primitives.ts';

const money = z.number().finite().min(0, 'must be 0 or more');
const fte = z.number().finite().min(0, 'must be 0 or more');
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more');

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
  approvalLatencyDays: z.number().finite().min(0, 'must be 0 or more'),
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
