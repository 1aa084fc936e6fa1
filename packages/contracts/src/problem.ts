import { z } from 'zod';

/** One invalid field. CSV errors also name the file line (`row`, header = 1) and the `column`. */
export const fieldErrorSchema = z
  .object({
    path: z.string(),
    message: z.string(),
    row: z.number().int().optional(),
    column: z.string().optional(),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details: every error response has this shape. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
