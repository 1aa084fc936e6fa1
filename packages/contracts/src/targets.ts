import { z } from 'zod';
import { decimalFigureSchema } from './area-month.ts';
import { monthSchema, pageQuerySchema, slugSchema, storableText } from './primitives.ts';

/** One change covers at most ten years of months. */
export const MAX_TARGET_RANGE_MONTHS = 120;

const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** A lead sets one revenue target for a month, or for every month from `from` to `to`. */
export const targetChangeRequestSchema = z
  .object({
    from: monthSchema,
    /** The last month of the range, inclusive; absent for a single month. */
    to: monthSchema.optional(),
    revenueTarget: decimalFigureSchema,
    /** Why the target changes: kept in the target history. */
    reason: storableText().trim().min(1, 'must say why the target changes').max(500),
  })
  .strict()
  .superRefine((request, context) => {
    if (request.to === undefined) return;
    const span = monthNumber(request.to) - monthNumber(request.from) + 1;
    if (span < 1) context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (span > MAX_TARGET_RANGE_MONTHS) {
      context.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_TARGET_RANGE_MONTHS} months after from` });
    }
  })
  .meta({ id: 'TargetChangeRequest' });
export type TargetChangeRequest = z.input<typeof targetChangeRequestSchema>;

/** Where a change came from: the targets form, an edit of the month's figures, or a CSV import. */
export const targetChangeSourceSchema = z.enum(['target', 'figures', 'import']).meta({ id: 'TargetChangeSource' });

export const targetChangeSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), email: z.string(), name: z.string() }),
    from: monthSchema,
    to: monthSchema,
    revenueTarget: z.number(),
    reason: z.string(),
    source: targetChangeSourceSchema,
    /** Each month's target before the change, for the months that had one. */
    previous: z.array(z.object({ month: monthSchema, revenueTarget: z.number() })),
  })
  .meta({ id: 'TargetChange' });
export type TargetChange = z.infer<typeof targetChangeSchema>;

/**
 * A month's revenue target: from its figures when it has them, otherwise planned — the latest
 * change that covered it.
 */
export const monthTargetSchema = z
  .object({ month: monthSchema, revenueTarget: z.number(), planned: z.boolean() })
  .meta({ id: 'MonthTarget' });
export type MonthTarget = z.infer<typeof monthTargetSchema>;

export const areaTargetsSchema = z
  .object({ slug: slugSchema, months: z.array(monthTargetSchema) })
  .meta({ id: 'AreaTargets' });
export type AreaTargets = z.infer<typeof areaTargetsSchema>;

export const targetChangeResultSchema = z
  .object({ change: targetChangeSchema, months: z.array(monthTargetSchema) })
  .meta({ id: 'TargetChangeResult' });
export type TargetChangeResult = z.infer<typeof targetChangeResultSchema>;

export const targetChangeListSchema = z
  .object({ items: z.array(targetChangeSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'TargetChangeList' });
export type TargetChangeList = z.infer<typeof targetChangeListSchema>;

export const targetChangeListQuerySchema = pageQuerySchema;
