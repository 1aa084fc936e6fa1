import { z } from 'zod';
import { monthSchema, pageQuerySchema, severitySchema, slugSchema, storableText } from './primitives.ts';

export const findingKindSchema = z
  .enum(['chipotle_drift', 'ownership_erosion', 'revenue_miss'])
  .meta({ id: 'FindingKind' });
export type FindingKind = z.infer<typeof findingKindSchema>;

/** `cleared` is set by the data (the finding no longer holds), never by a person. */
export const signalStatusSchema = z
  .enum(['open', 'acknowledged', 'resolved', 'dismissed', 'cleared'])
  .meta({ id: 'SignalStatus' });
export type SignalStatus = z.infer<typeof signalStatusSchema>;

export const contributionSchema = z
  .object({
    side: z.enum(['ownership', 'centralisation']),
    component: z.string(),
    before: z.number().nullable(),
    after: z.number().nullable(),
    beforeText: z.string(),
    afterText: z.string(),
    points: z.number(),
    text: z.string(),
  })
  .meta({ id: 'Contribution' });
export type Contribution = z.infer<typeof contributionSchema>;

export const signalSchema = z
  .object({
    id: z.string(),
    kind: findingKindSchema,
    areaSlug: slugSchema,
    areaName: z.string(),
    month: monthSchema,
    severity: severitySchema,
    ownershipDelta: z.number().nullable(),
    centralisationDelta: z.number().nullable(),
    /** Worded for an executive, e.g. "hiring owned by the lead 90% → 30%: −15.0 pts". */
    explanation: z.array(z.string()),
    /** The same, structured: the components that moved most on each side. */
    contributions: z.array(contributionSchema),
    status: signalStatusSchema,
    statusReason: z.string().nullable(),
    /** Changes with every change of status; send it back as If-Match (`"3"`) when deciding. */
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Signal' });
export type Signal = z.infer<typeof signalSchema>;

export const signalEventSchema = z
  .object({
    at: z.string(),
    /** null when the data changed the signal (raised, cleared, reopened by a recomputation). */
    actor: z.object({ id: z.string().nullable(), email: z.string(), name: z.string() }).nullable(),
    action: z.string(),
    fromStatus: signalStatusSchema.nullable(),
    toStatus: signalStatusSchema,
    comment: z.string().nullable(),
  })
  .meta({ id: 'SignalEvent' });
export type SignalEvent = z.infer<typeof signalEventSchema>;

export const signalDetailSchema = signalSchema
  .extend({ history: z.array(signalEventSchema) })
  .meta({ id: 'SignalDetail' });
export type SignalDetail = z.infer<typeof signalDetailSchema>;

export const signalListSchema = z
  .object({ items: z.array(signalSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'SignalList' });
export type SignalList = z.infer<typeof signalListSchema>;

export const signalQuerySchema = pageQuerySchema.extend({
  month: monthSchema.optional(),
  area: slugSchema.optional(),
  severity: severitySchema.optional(),
  status: signalStatusSchema.optional(),
  kind: findingKindSchema.optional(),
});

export const signalIdParamsSchema = z.object({ id: z.uuid('must be a signal id') });

/** What a person may set; a dismissal needs its reason. */
export const updateSignalStatusSchema = z
  .object({
    status: z.enum(['open', 'acknowledged', 'resolved', 'dismissed']),
    reason: storableText().trim().min(1).max(2000).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.status === 'dismissed' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to dismiss a signal' });
    }
  })
  .meta({ id: 'UpdateSignalStatus' });
export type UpdateSignalStatus = z.infer<typeof updateSignalStatusSchema>;
