import { z } from 'zod';

/**
 * A calendar month, `YYYY-MM`, from 1900 on: an earlier year is a typo (and a browser would show
 * the years below 100 as 19xx).
 */
export const monthSchema = z
  .string()
  .regex(/^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, from 1900-01 on')
  .meta({ id: 'Month', example: '2024-09' });

/** An area's slug as the brief defines it. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9-]{2,64}$/, 'must be 2–64 characters of a–z, 0–9 and -')
  .meta({ id: 'Slug', example: 'payments' });

/**
 * Text as Unicode can encode it. JSON may carry a lone UTF-16 surrogate (`"\ud800"`), which no
 * UTF-8 text can hold: the database refuses it inside JSON (a 500) and replaces it with U+FFFD
 * elsewhere (a silent change). It is refused here instead (422, naming the field).
 */
export function wellFormedText() {
  return z.string().regex(/^\P{Cs}*$/u, 'must be well-formed Unicode text (it has a lone UTF-16 surrogate)');
}

/**
 * Text that is stored: well-formed, and without the NUL character, which PostgreSQL cannot hold
 * in a text column, so it is refused here (422) instead of failing the write (500).
 */
export function storableText() {
  return wellFormedText().regex(/^[^\0]*$/, 'must not contain the NUL character (\\u0000)');
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an email address'))
  .meta({ example: 'lead@example.com' });

export const roleSchema = z.enum(['admin', 'executive', 'area_lead', 'viewer']).meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;

export const severitySchema = z.enum(['watch', 'warning', 'critical']).meta({ id: 'Severity' });
export type Severity = z.infer<typeof severitySchema>;

export const driftStateSchema = z
  .enum(['drift', 'clear', 'insufficient_data'])
  .meta({ id: 'DriftState' });
export type DriftState = z.infer<typeof driftStateSchema>;

/** `limit` (default 100, at most 1,000) and an opaque `cursor`, for every paged list. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(500).optional(),
});
