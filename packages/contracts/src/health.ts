import { z } from 'zod';
import { problemSchema } from './problem.ts';

export const healthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['embedded', 'postgres']) })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

/**
 * Health's 503, and every data route's while the database cannot be reached: a problem naming
 * the part that is down, sent with `Retry-After` (seconds). Service resumes by itself once the
 * database answers again.
 */
export const healthDownSchema = problemSchema
  .extend({ database: z.literal('down') })
  .meta({ id: 'HealthDown', description: 'The database cannot be reached; retry after the seconds in Retry-After' });
export type HealthDown = z.infer<typeof healthDownSchema>;
