import {
  type CreateActionItem,
  type CreateDecision,
  type CreateReview,
  reviewSignalSchema,
  type ReviewSnapshot,
  type UpdateActionItem,
} from '@autonomy/contracts';
import {
  type ActionItemRow,
  type AuditActor,
  addActionItem,
  addReviewDecision,
  type Database,
  deleteReview,
  getActionItem,
  getAreaBySlug,
  getReview,
  getReviewForUpdate,
  getReviewIdForMonth,
  getUserByEmail,
  insertReview,
  listSignals,
  recordAuditEvent,
  replaceReviewSnapshot,
  type ReviewDecisionRow,
  type ReviewDetailRow,
  type SignalWithArea,
  updateActionItem,
  type UserRow,
} from '@autonomy/db';
import { compareFindingsForReview } from '@autonomy/domain';
import { type ExpectedVersions, ServiceError, stale, versionAccepted } from './errors.ts';
import { holdsAlready } from './unchanged.ts';
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

/** A write to one review, against the version its writer read (If-Match). */
export interface ReviewWrite {
  id: string;
  expected: ExpectedVersions;
  actor: AuditActor;
}

/**
 * Discards a review started by mistake (the wrong month, a test): only while it has no decisions
 * and no action items, as those are the meeting's record. Its month can then be reviewed afresh.
 * The audit log keeps what was discarded.
 */
export async function discardReview(db: Database, { id, expected, actor }: ReviewWrite): Promise<void> {
  await db.transaction(async (tx) => {
    const review = await lockReviewAt(tx, id, expected);
    if (review.decisionCount > 0 || review.actionItemCount > 0) {
      throw new ServiceError(
        'conflict',
        `The review of ${review.month} has ${recordOf(review)}: it is the meeting’s record and cannot be discarded.`,
      );
    }
    if (!(await deleteReview(tx, id, review.version))) throw stale(SAME_MOMENT);
    await recordAuditEvent(tx, {
      actor,
      action: 'review.discarded',
      subject: review.month,
      before: { id, month: review.month, heldOn: review.heldOn, agenda: review.agenda, notes: review.notes, ...snapshotFacts(review.snapshot) },
    });
  });
}

/**
 * Takes the review's snapshot again, as starting it did, e.g. after figures that came late: only
 * before its first decision, which was taken on the snapshot the meeting saw. Action items stay.
 */
export async function refreezeReviewSnapshot(db: Database, write: ReviewWrite, now: Date): Promise<void> {
  // Checked first so a refusal costs no snapshot; checked again under the lock below.
  const current = await getReview(db, write.id);
  if (!current) throw new ServiceError('not_found', `There is no review ${write.id}.`);
  requireVersion(current, write.expected);
  refuseAfterFirstDecision(current);
  const snapshot = await db.transaction((tx) => freezeReviewSnapshot(tx, current.month, now), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  await db.transaction(async (tx) => {
    const review = await lockReviewAt(tx, write.id, write.expected);
    refuseAfterFirstDecision(review);
    if (snapshot.areas.length === 0) {
      throw new ServiceError('invalid_input', `No active area has figures for ${review.month} any more: there would be nothing to review.`);
    }
    if (!(await replaceReviewSnapshot(tx, review.id, snapshot, review.version))) throw stale(SAME_MOMENT);
    await recordAuditEvent(tx, {
      actor: write.actor,
      action: 'review.refrozen',
      subject: review.month,
      before: { id: review.id, ...snapshotFacts(review.snapshot) },
      after: { id: review.id, ...snapshotFacts(snapshot) },
    });
  });
}

const SAME_MOMENT = 'Someone else changed this review at the same moment; reload it and try again.';

async function lockReviewAt(db: Database, id: string, expected: ExpectedVersions): Promise<ReviewDetailRow> {
  const review = await getReviewForUpdate(db, id);
  if (!review) throw new ServiceError('not_found', `There is no review ${id}.`);
  requireVersion(review, expected);
  return review;
}

function requireVersion(review: ReviewDetailRow, expected: ExpectedVersions): void {
  if (!versionAccepted(expected, review)) {
    throw stale(`The review of ${review.month} changed since you read it (now "${review.version}"); reload it and try again.`);
  }
}

function refuseAfterFirstDecision(review: ReviewDetailRow): void {
  if (review.decisionCount > 0) {
    throw new ServiceError(
      'conflict',
      `The review of ${review.month} has ${plural(review.decisionCount, 'decision')}, taken on the snapshot it has: that snapshot stays.`,
    );
  }
}

function recordOf(review: { decisionCount: number; actionItemCount: number }): string {
  const parts = [
    review.decisionCount > 0 ? plural(review.decisionCount, 'decision') : undefined,
    review.actionItemCount > 0 ? plural(review.actionItemCount, 'action item') : undefined,
  ];
  return parts.filter(Boolean).join(' and ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What the audit log says of a snapshot: when it was taken and what it held, not the whole of it. */
function snapshotFacts(snapshot: unknown) {
  const frozen = snapshot as ReviewSnapshot;
  return {
    takenAt: frozen.takenAt,
    areas: frozen.areas.length,
    areasInDrift: frozen.organisation.areasInDrift,
    signals: frozen.signals.length,
  };
}

/**
 * Changes an action item if `authorize` allows this change of it (the route's rule: executives
 * and admins any field, its owner the status and note) and it is still at the version expected.
 * A change that saves what is there already writes nothing.
 */
export async function changeReviewActionItem(
  db: Database,
  change: {
    reviewId: string;
    itemId: string;
    patch: UpdateActionItem;
    expected: ExpectedVersions;
    actor: AuditActor;
    authorize: (item: ActionItemRow) => void;
  },
): Promise<ActionItemRow> {
  const { reviewId, itemId, expected, actor } = change;
  const { ownerEmail, ...patch } = change.patch;
  return db.transaction(async (tx) => {
    const review = await getReview(tx, reviewId);
    if (!review) throw new ServiceError('not_found', `There is no review ${reviewId}.`);
    const before = await getActionItem(tx, reviewId, itemId);
    if (!before) throw new ServiceError('not_found', `Review ${review.month} has no action item ${itemId}.`);
    change.authorize(before);
    if (!versionAccepted(expected, before)) {
      throw stale(`This action item changed since you read it (now "${before.version}"); reload it and apply your change again.`);
    }
    // The owner is checked only when it changes: an item whose owner has left can still be renamed or closed.
    const newOwner = ownerEmail !== undefined && ownerEmail.toLowerCase() !== before.owner?.email.toLowerCase();
    const owner = newOwner ? await requireActiveOwner(tx, ownerEmail) : undefined;
    if (!owner && holdsAlready(before, patch)) return before;
    // Against the version just read: a change committed meanwhile makes this one stale, not lost.
    const after = await updateActionItem(tx, {
      reviewId,
      itemId,
      patch: { ...patch, ...(owner ? { ownerId: owner.id } : {}) },
      expectedVersion: before.version,
    });
    if (!after) throw stale('Someone else changed this action item at the same moment; reload it and apply your change again.');
    const changes = changedItemFields(audited(before), audited(after));
    await recordAuditEvent(tx, {
      actor,
      action: 'review.action_item_updated',
      areaSlug: after.areaSlug,
      subject: review.month,
      // The item's id and title say which item it was, whatever changed.
      before: { id: before.id, title: before.title, ...changes.before },
      after: { id: after.id, title: after.title, ...changes.after },
    });
    return after;
  });
}

function audited(item: ActionItemRow) {
  return { title: item.title, ownerEmail: item.owner?.email ?? null, dueOn: item.dueOn, status: item.status, note: item.note };
}

function changedItemFields(before: ReturnType<typeof audited>, after: ReturnType<typeof audited>) {
  const changes: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const key of ['title', 'ownerEmail', 'dueOn', 'status', 'note'] as const) {
    if (before[key] === after[key]) continue;
    changes.before[key] = before[key];
    changes.after[key] = after[key];
  }
  return changes;
}
