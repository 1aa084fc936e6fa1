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
    /** The status of the signal's incident (its months share one decision); `cleared` when the data withdrew this month's finding. */
    status: signalStatusSchema,
    statusReason: z.string().nullable(),
    /** The incident this month belongs to: the consecutive months of this finding kind in the area. */
    incidentId: z.string().nullable(),
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

/** What a person may set; a dismissal needs its reason and may run `until` a month (a snooze). */
export const updateSignalStatusSchema = z
  .object({
    status: z.enum(['open', 'acknowledged', 'resolved', 'dismissed']),
    reason: storableText().trim().min(1).max(2000).optional(),
    until: monthSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.status === 'dismissed' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to dismiss a signal' });
    }
    if (body.until !== undefined && body.status !== 'dismissed') {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'goes with a dismissal only' });
    }
  })
  .meta({ id: 'UpdateSignalStatus' });
export type UpdateSignalStatus = z.infer<typeof updateSignalStatusSchema>;

// ── Incidents ────────────────────────────────────────────────────────────────────────────────

/** Statuses a person can list incidents by; `unresolved` is open, acknowledged or dismissed. */
export const incidentStatusFilterSchema = z.enum(['unresolved', 'open', 'acknowledged', 'dismissed', 'resolved']);

export const incidentQuerySchema = pageQuerySchema.extend({
  status: incidentStatusFilterSchema.optional(),
  severity: severitySchema.optional(),
  kind: findingKindSchema.optional(),
  area: slugSchema.optional(),
  /** Incidents of the areas this user leads (an id, or `me`). */
  lead: z.union([z.literal('me'), z.uuid('must be a user id or me')]).optional(),
});

export const incidentSchema = z
  .object({
    id: z.string(),
    kind: findingKindSchema,
    areaSlug: slugSchema,
    areaName: z.string(),
    /** Names of the area's leads. */
    leads: z.array(z.string()),
    firstMonth: monthSchema,
    /** The latest month with the finding. */
    latestMonth: monthSchema,
    /** Months with the finding. */
    months: z.number().int(),
    /** Months without enough data while it ran: paused, not ended. */
    gaps: z.array(monthSchema),
    peakSeverity: severitySchema,
    currentSeverity: severitySchema,
    /** `resolved` by the data (`resolvedMonth`) or by a person; `cleared` when the figures no longer show it. */
    status: signalStatusSchema,
    statusReason: z.string().nullable(),
    /** The first month with enough data and no finding, when the data resolved it. */
    resolvedMonth: monthSchema.nullable(),
    /** Reopened because its severity rose past the one it was acknowledged at. */
    escalated: z.boolean(),
    /** A dismissal runs until this month; after it a still-running incident reopens. */
    snoozedUntil: monthSchema.nullable(),
    /** Send it back as If-Match (`"3"`) when deciding. */
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof incidentSchema>;

export const incidentMonthSchema = z
  .object({
    /** The month's signal (`GET /signals/{id}`). */
    signalId: z.string(),
    month: monthSchema,
    severity: severitySchema,
    ownershipDelta: z.number().nullable(),
    centralisationDelta: z.number().nullable(),
    explanation: z.array(z.string()),
  })
  .meta({ id: 'IncidentMonth' });
export type IncidentMonth = z.infer<typeof incidentMonthSchema>;

export const incidentEventSchema = signalEventSchema
  .extend({ month: monthSchema.nullable() })
  .meta({ id: 'IncidentEvent' });
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

export const incidentDetailSchema = incidentSchema
  .extend({ monthsDetail: z.array(incidentMonthSchema), history: z.array(incidentEventSchema) })
  .meta({ id: 'IncidentDetail' });
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const incidentListSchema = z
  .object({ items: z.array(incidentSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentList' });
export type IncidentList = z.infer<typeof incidentListSchema>;

export const incidentIdParamsSchema = z.object({ id: z.uuid('must be an incident id') });

const decisionReason = storableText().trim().min(1, 'must not be empty').max(2000, 'must be at most 2,000 characters');

/** A decision on incidents: acknowledge, dismiss (with a reason, optionally until a month: a snooze), resolve or reopen. */
const decisionFields = {
  status: z.enum(['open', 'acknowledged', 'resolved', 'dismissed']),
  reason: decisionReason.optional(),
  /** With `dismissed`: the snooze runs until this month; after it a still-running incident reopens. */
  until: monthSchema.optional(),
};

function checkDecision(body: { status: string; reason?: string; until?: string }, ctx: z.RefinementCtx): void {
  if (body.status === 'dismissed' && !body.reason) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to dismiss' });
  }
  if (body.until !== undefined && body.status !== 'dismissed') {
    ctx.addIssue({ code: 'custom', path: ['until'], message: 'goes with a dismissal only' });
  }
}

export const decideIncidentSchema = z.object(decisionFields).strict().superRefine(checkDecision).meta({ id: 'DecideIncident' });
export type DecideIncident = z.infer<typeof decideIncidentSchema>;

/** The same decision on several incidents at once, each at the version it was read at. All or none. */
export const decideIncidentsSchema = z
  .object({
    ...decisionFields,
    status: z.enum(['acknowledged', 'dismissed']),
    incidents: z
      .array(z.object({ id: z.uuid('must be an incident id'), version: z.number().int().min(1) }).strict())
      .min(1, 'must name at least one incident')
      .max(500, 'must name at most 500 incidents'),
  })
  .strict()
  .superRefine(checkDecision)
  .meta({ id: 'DecideIncidents' });
export type DecideIncidents = z.infer<typeof decideIncidentsSchema>;

export const decideIncidentsResultSchema = z.object({ items: z.array(incidentSchema) }).meta({ id: 'DecideIncidentsResult' });

export const incidentCommentSchema = z
  .object({ text: storableText().trim().min(1, 'must not be empty').max(4000, 'must be at most 4,000 characters') })
  .strict()
  .meta({ id: 'IncidentComment' });
export type IncidentComment = z.infer<typeof incidentCommentSchema>;
