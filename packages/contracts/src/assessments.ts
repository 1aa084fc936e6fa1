import { z } from 'zod';
import { monthSchema, slugSchema } from './primitives.ts';

/** One stored assessment that did not match the recomputation from the figures. */
export const assessmentDifferenceSchema = z
  .object({
    areaSlug: slugSchema,
    month: monthSchema,
    /** `missing`: figures without an assessment; `stale`: an assessment without figures; else the fields that differed. */
    problem: z.union([z.literal('missing'), z.literal('stale'), z.array(z.string())]),
  })
  .meta({ id: 'AssessmentDifference' });

/** What rebuilding every stored assessment from the figures found and did. */
export const reassessReportSchema = z
  .object({
    areas: z.number().int(),
    /** Area months assessed. */
    months: z.number().int(),
    /** Stored assessments that differed from the recomputation (0 when all was in order). */
    differed: z.number().int(),
    /** The first of them (at most 50). */
    differences: z.array(assessmentDifferenceSchema),
    signalsRaised: z.number().int(),
    signalsRefreshed: z.number().int(),
    signalsCleared: z.number().int(),
  })
  .meta({ id: 'ReassessReport' });
export type ReassessReport = z.infer<typeof reassessReportSchema>;
