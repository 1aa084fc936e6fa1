import { type CreateActionItem, type CreateDecision, type CreateReview, reviewSignalSchema, type ReviewSnapshot } from '@autonomy/contracts';
import {
  type ActionItemRow,
  type AuditActor,
  addActionItem,
  addReviewDecision,
  type Database,
  getAreaBySlug,
  getReviewIdForMonth,
  getUserByEmail,
  insertReview,
  listSignals,
  recordAuditEvent,
  type ReviewDecisionRow,
  type SignalWithArea,
  type UserRow,
} from '@autonomy/db';
import { compareFindingsForReview } from '@autonomy/domain';
import { ServiceError } from './errors.ts';
import { computePortfolio } from './portfolio.ts';

const SIGNAL_PAGE = 1000;

/**
 * The month's portfolio and findings as they stand now. Run it in one repeatable-read
 * transaction (startReview does), so the figures and the signals come from the same moment.
 */
export async function freezeReviewSnapshot(db: Database, month: string, takenAt: Date): Promise<ReviewSnapshot> {
  const portfolio = await computePortfolio(db, month);
  const signals = (await listSignalsOfMonth(db, month)).filter((signal) => signal.status !== 'cleared');
  return {
    takenAt: takenAt.toISOString(),
    month,
    rules: portfolio.rules,
    organisation: portfolio.organisation,
    areas: portfolio.areas,
    coverage: portfolio.coverage,
    notReported: portfolio.notReported,
    // The snapshot keeps only what a pack shows; the schema drops the rest (contributions, versions).
    signals: signals.sort(compareFindingsForReview).map((signal) => reviewSignalSchema.parse(signal)),
  };
}

export interface StartedReview {
  id: string;
  month: string;
}

/**
 * Starts the review of a month: freezes its snapshot, then records the review. One review per
 * month (409, naming the review that exists); a month without figures has nothing to review (422).
 * `recordMore` runs in the transaction that records the review (the demo adds its decisions and
 * action items there, so it gets all of them or none). Returns the new review.
 */
export async function startReview(
  db: Database,
  request: CreateReview,
  actor: AuditActor,
  now: Date,
  recordMore?: (tx: Database, review: StartedReview) => Promise<void>,
): Promise<StartedReview> {
  // Checked first so a second review is refused without computing a snapshot for nothing.
  await refuseSecondReview(db, request.month);
  const snapshot = await db.transaction((tx) => freezeReviewSnapshot(tx, request.month, now), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  return db.transaction(async (tx) => {
    const review = { id: (await createReview(tx, { ...request, snapshot }, actor)).id, month: request.month };
    await recordMore?.(tx, review);
    return review;
  });
}

/** Records a review with its snapshot, in the caller's transaction. */
export async function createReview(
  db: Database,
  review: CreateReview & { snapshot: ReviewSnapshot },
  actor: AuditActor,
): Promise<{ id: string }> {
  const { month, heldOn, agenda = '', notes = '', snapshot } = review;
  requireHeldAfterMonthBegan(month, heldOn);
  if (snapshot.areas.length === 0) {
    throw new ServiceError('invalid_input', `No active area has figures for ${month}: there is nothing to review.`, [
      { path: 'month', message: 'has no figures for any active area' },
    ]);
  }
  const row = await insertReview(db, { month, heldOn, agenda, notes, snapshot, createdBy: actor.id });
  if (!row) {
    // The unique month decided a race: the review started first stands, this one is refused.
    await refuseSecondReview(db, month);
    throw new ServiceError('conflict', `The review of ${month} was started by someone else at the same moment.`);
  }
  await recordAuditEvent(db, {
    actor,
    action: 'review.created',
    subject: month,
    after: {
      id: row.id,
      month,
      heldOn,
      agenda,
      notes,
      areas: snapshot.areas.length,
      areasInDrift: snapshot.organisation.areasInDrift,
      signals: snapshot.signals.length,
    },
  });
  return { id: row.id };
}

async function refuseSecondReview(db: Database, month: string): Promise<void> {
  const existing = await getReviewIdForMonth(db, month);
  if (existing) {
    throw new ServiceError('conflict', `${month} already has a review; open it and add to it instead.`, undefined, {
      reviewId: existing,
    });
  }
}

/** Records one decision of the meeting, in the caller's transaction. */
export async function recordReviewDecision(
  db: Database,
  review: { id: string; month: string },
  decision: CreateDecision,
  actor: AuditActor,
): Promise<ReviewDecisionRow> {
  const areaSlug = decision.areaSlug === undefined ? null : (await requireKnownArea(db, decision.areaSlug)).slug;
  const row = await addReviewDecision(db, { reviewId: review.id, text: decision.text, areaSlug, createdBy: actor.id });
  await recordAuditEvent(db, {
    actor,
    action: 'review.decision_recorded',
    areaSlug,
    subject: review.month,
    after: { reviewId: review.id, id: row.id, text: row.text, areaSlug },
  });
  return row;
}

/** Adds one action item, in the caller's transaction; `status` lets the demo add a finished one. */
export async function addReviewActionItem(
  db: Database,
  review: { id: string; month: string },
  item: CreateActionItem & { status?: ActionItemRow['status'] },
  actor: AuditActor,
): Promise<ActionItemRow> {
  const owner = await requireActiveOwner(db, item.ownerEmail);
  const areaSlug = item.areaSlug === undefined ? null : (await requireKnownArea(db, item.areaSlug)).slug;
  const row = await addActionItem(db, {
    reviewId: review.id,
    title: item.title,
    ownerId: owner.id,
    dueOn: item.dueOn ?? null,
    areaSlug,
    status: item.status,
    createdBy: actor.id,
  });
  await recordAuditEvent(db, {
    actor,
    action: 'review.action_item_added',
    areaSlug,
    subject: review.month,
    after: { reviewId: review.id, id: row.id, title: row.title, ownerEmail: owner.email, dueOn: row.dueOn, status: row.status, areaSlug },
  });
  return row;
}

/** A month is reviewed once it has begun (usually just after it ends): a meeting before it is a typo. */
export function requireHeldAfterMonthBegan(month: string, heldOn: string): void {
  if (heldOn < `${month}-01`) {
    throw new ServiceError('invalid_input', `The review of ${month} cannot be held on ${heldOn}, before the month began.`, [
      { path: 'heldOn', message: `must be on or after ${month}-01` },
    ]);
  }
}

/** An action item's owner: any role, but an account that can still act on it. */
export async function requireActiveOwner(db: Database, email: string): Promise<UserRow> {
  const user = await getUserByEmail(db, email);
  if (!user?.active) {
    throw new ServiceError('invalid_input', `There is no active user ${email} to own the action item.`, [
      { path: 'ownerEmail', message: 'must be the email of an active user' },
    ]);
  }
  return user;
}

async function requireKnownArea(db: Database, slug: string) {
  const area = await getAreaBySlug(db, slug);
  if (!area) throw new ServiceError('invalid_input', `There is no area "${slug}".`, [{ path: 'areaSlug', message: 'must be the slug of an area' }]);
  return area;
}

/** Every finding of the month, whatever its status, page by page (a month has a few per area). */
async function listSignalsOfMonth(db: Database, month: string): Promise<SignalWithArea[]> {
  const all: SignalWithArea[] = [];
  let after: { month: string; id: string } | undefined;
  for (;;) {
    const page = await listSignals(db, { month, after, limit: SIGNAL_PAGE });
    all.push(...page);
    const last = page.at(-1);
    if (page.length < SIGNAL_PAGE || !last) return all;
    after = { month: last.month, id: last.id };
  }
}
