import { z } from 'zod';
import { emailSchema, pageQuerySchema, slugSchema } from './primitives.ts';

export const auditActorSchema = z
  .object({
    /** null only if the user row is gone; the email and name are copied into every event. */
    id: z.string().nullable(),
    email: z.string(),
    name: z.string(),
  })
  .meta({ id: 'AuditActor' });

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: auditActorSchema,
    /** What happened, `<resource>.<verb>`, e.g. `area.updated`, `user.deactivated`. */
    action: z.string(),
    areaSlug: z.string().nullable(),
    /** Every area the event touched: one for most writes, all the file's areas for an import. */
    areaSlugs: z.array(z.string()),
    /** What the event is about when it is not an area: a user's email, a token's id, a month. */
    subject: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = z
  .object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditList' });
export type AuditList = z.infer<typeof auditListSchema>;

/** A date (`2024-05-01`, midnight UTC) or a date-time; one without an offset is read as UTC. */
export const isoInstantSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
    error: 'must be an ISO date (2024-05-01) or date-time (2024-05-01T09:30:00Z)',
  })
  .meta({ example: '2024-05-01T09:30:00Z' });

export const auditQuerySchema = pageQuerySchema.extend({
  area: slugSchema.optional(),
  actor: emailSchema.optional(),
  since: isoInstantSchema.optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
