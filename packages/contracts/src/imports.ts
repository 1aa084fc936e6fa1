import { z } from 'zod';

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    areasCreated: z.number().int(),
    monthsCreated: z.number().int(),
    monthsUpdated: z.number().int(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;
