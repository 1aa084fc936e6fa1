import { z } from 'zod';
import { monthSchema, slugSchema } from './primitives.ts';
import { fieldErrorSchema } from './problem.ts';

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** `mine`: rows of areas the user may not write are skipped (and listed) instead of refusing the file. */
  scope: z.enum(['all', 'mine']).default('all'),
});

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    areasCreated: z.number().int(),
    monthsCreated: z.number().int(),
    monthsUpdated: z.number().int(),
    /** Rows holding the values already stored: nothing written, no version moved. */
    monthsUnchanged: z.number().int(),
    /** With scope=mine: the areas whose rows were skipped, as the user may not write them. */
    skipped: z.array(z.object({ areaSlug: z.string(), rows: z.number().int() })),
    /** What was read but not used: columns outside the format, names that differ from an area's name. */
    warnings: z.array(fieldErrorSchema),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

/** What an export holds: every area month by default; some areas, the user's own, a month range, or the header alone. */
export const exportQuerySchema = z
  .object({
    /** Comma-separated area slugs. */
    areas: z
      .string()
      .optional()
      .transform((value) => (value === undefined ? undefined : [...new Set(value.split(',').map((slug) => slug.trim()).filter((slug) => slug !== ''))]))
      .pipe(z.array(slugSchema).min(1, 'name at least one area').optional()),
    /** Only the areas the signed-in user leads. */
    mine: flag,
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    /** The header row alone: a template to fill in. */
    template: flag,
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'must not be after `to`',
    path: ['from'],
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;
