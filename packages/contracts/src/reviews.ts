import { z } from 'zod';
import { auditActorSchema } from './audit.ts';
import { coverageSchema, driftRulesSchema, notReportedAreaSchema, organisationSummarySchema, portfolioRowSchema } from './portfolio.ts';
import { emailSchema, monthSchema, pageQuerySchema, slugSchema, storableText } from './primitives.ts';
import { signalSchema } from './signals.ts';

/**
 * The monthly scaling review: a meeting walks the portfolio for one month, discusses its signals,
 * records decisions and action items, and leaves a pack that reads later exactly as it stood.
 */

/** A calendar day, `YYYY-MM-DD`, from 1900 on, as months are (PostgreSQL has no year 0 either). */
export const daySchema = z.iso
  .date('must be a date written YYYY-MM-DD')
  // Judged only once the date is written right, so a malformed one gets one message, not two.
  .refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || day >= '1900-01-01', 'must be a date from 1900-01-01 on')
  .meta({ id: 'Day', example: '2024-10-03' });

export const actionItemStatusSchema = z.enum(['open', 'done', 'dropped']).meta({ id: 'ActionItemStatus' });
export type ActionItemStatus = z.infer<typeof actionItemStatusSchema>;

/** A signal as the meeting saw it: its status then, not now. */
export const reviewSignalSchema = signalSchema
  .pick({
    id: true,
    kind: true,
    areaSlug: true,
    areaName: true,
    month: true,
    severity: true,
    ownershipDelta: true,
    centralisationDelta: true,
    explanation: true,
    status: true,
    statusReason: true,
  })
  .meta({ id: 'ReviewSignal' });
export type ReviewSignal = z.infer<typeof reviewSignalSchema>;

/**
 * The portfolio for the review's month as it stood when the review was started. Later edits of
 * figures, targets, settings or signals never change it.
 */
export const reviewSnapshotSchema = z
  .object({
    takenAt: z.string(),
    month: monthSchema,
    rules: driftRulesSchema,
    organisation: organisationSummarySchema,
    areas: z.array(portfolioRowSchema),
    /** Absent from snapshots frozen before coverage was recorded (December 2026). */
    coverage: coverageSchema.optional(),
    /** Areas active in the month without figures then; absent from snapshots frozen before coverage was recorded. */
    notReported: z.array(notReportedAreaSchema).optional(),
    /** Every finding for the month except those the data had cleared, Chipotle drift first. */
    signals: z.array(reviewSignalSchema),
  })
  .meta({ id: 'ReviewSnapshot' });
export type ReviewSnapshot = z.infer<typeof reviewSnapshotSchema>;

export const reviewDecisionSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    /** The area the decision is about, if one. */
    areaSlug: slugSchema.nullable(),
    createdAt: z.string(),
    createdBy: auditActorSchema.nullable(),
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const actionItemSchema = z
  .object({
    id: z.string(),
    reviewId: z.string(),
    title: z.string(),
    areaSlug: slugSchema.nullable(),
    /** null only if the owner's account was deleted. */
    owner: auditActorSchema.nullable(),
    dueOn: daySchema.nullable(),
    status: actionItemStatusSchema,
    /** The owner's latest word on progress, or null; earlier ones are in the audit log. */
    note: z.string().nullable(),
    /** Changes with every change to the item; send it back as If-Match (`"3"`) when changing it. */
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ActionItem' });
export type ActionItem = z.infer<typeof actionItemSchema>;

/** A review in a list: enough to pick one. */
export const reviewSummarySchema = z
  .object({
    id: z.string(),
    month: monthSchema,
    heldOn: daySchema,
    createdBy: auditActorSchema.nullable(),
    /** From the frozen snapshot. */
    areasInDrift: z.number().int(),
    decisionCount: z.number().int(),
    actionItemCount: z.number().int(),
    openActionItemCount: z.number().int(),
    /** Changes with every change to the agenda, notes or date; send it back as If-Match. */
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReviewSummary' });
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const reviewSchema = reviewSummarySchema
  .extend({
    agenda: z.string(),
    notes: z.string(),
    snapshot: reviewSnapshotSchema,
    /** Oldest first, as recorded in the meeting. */
    decisions: z.array(reviewDecisionSchema),
    /** Oldest first. */
    actionItems: z.array(actionItemSchema),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof reviewSchema>;

export const reviewListSchema = z
  .object({ items: z.array(reviewSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ReviewList' });
export type ReviewList = z.infer<typeof reviewListSchema>;

/** Newest month first. */
export const reviewListQuerySchema = pageQuerySchema.extend({ month: monthSchema.optional() });

export const reviewIdParamsSchema = z.object({ id: z.uuid('must be a review id') });
export const actionItemParamsSchema = reviewIdParamsSchema.extend({ itemId: z.uuid('must be an action item id') });

const agendaSchema = storableText().max(20_000);
const notesSchema = storableText().max(50_000);

/** Starting a review freezes the portfolio of its month; one review per month. */
export const createReviewSchema = z
  .object({
    month: monthSchema,
    heldOn: daySchema,
    agenda: agendaSchema.optional(),
    notes: notesSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateReview' });
export type CreateReview = z.infer<typeof createReviewSchema>;

/** The month and its snapshot never change; the rest may, as the meeting goes. */
export const updateReviewSchema = z
  .object({ heldOn: daySchema.optional(), agenda: agendaSchema.optional(), notes: notesSchema.optional() })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateReview' });
export type UpdateReview = z.infer<typeof updateReviewSchema>;

/** Decisions are the meeting's record: added, never edited or removed. */
export const createDecisionSchema = z
  .object({
    text: storableText().trim().min(1, 'must say what was decided').max(2000),
    areaSlug: slugSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateDecision' });
export type CreateDecision = z.infer<typeof createDecisionSchema>;

export const createActionItemSchema = z
  .object({
    title: storableText().trim().min(1, 'must say what is to be done').max(500),
    /** An active user of any role. */
    ownerEmail: emailSchema,
    dueOn: daySchema.optional(),
    areaSlug: slugSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateActionItem' });
export type CreateActionItem = z.infer<typeof createActionItemSchema>;

/** A progress note on an action item: what its owner has to say about how it is going. */
export const actionItemNoteSchema = storableText().trim().min(1, 'must say how it is going').max(2000, 'must be at most 2,000 characters');

/**
 * Items are not deleted: one that will not be done is `dropped`. Executives and admins change any
 * field; the item's owner marks it done or dropped and writes its progress note, nothing else.
 */
export const updateActionItemSchema = z
  .object({
    title: storableText().trim().min(1, 'must say what is to be done').max(500).optional(),
    ownerEmail: emailSchema.optional(),
    /** null removes the due date. */
    dueOn: daySchema.nullable().optional(),
    status: actionItemStatusSchema.optional(),
    /** Replaces the progress note (the audit log keeps the one before). */
    note: actionItemNoteSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateActionItem' });
export type UpdateActionItem = z.infer<typeof updateActionItemSchema>;

/** An action item in a list across reviews, with the month of the review it came from. */
export const ownedActionItemSchema = actionItemSchema.extend({ reviewMonth: monthSchema }).meta({ id: 'OwnedActionItem' });
export type OwnedActionItem = z.infer<typeof ownedActionItemSchema>;

export const actionItemListSchema = z
  .object({ items: z.array(ownedActionItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ActionItemList' });
export type ActionItemList = z.infer<typeof actionItemListSchema>;

/**
 * Action items across reviews: `owner=me` (the signed-in user's), optionally one `status`, and
 * `overdue=true` for those due before today. Soonest due first, undated last.
 */
export const actionItemListQuerySchema = pageQuerySchema.extend({
  owner: z.literal('me', 'must be "me" (your own action items)'),
  status: actionItemStatusSchema.optional(),
  overdue: z.enum(['true', 'false'], 'must be true or false').transform((value) => value === 'true').optional(),
});
export type ActionItemListQuery = z.input<typeof actionItemListQuerySchema>;
