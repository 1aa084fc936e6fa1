import { type AuditActor, buildDemoReview, type Database, getReviewIdForMonth, getUserByEmail } from '@autonomy/db';
import { addReviewActionItem, recordReviewDecision, startReview } from './reviews.ts';

/**
 * Gives the demo organisation its monthly review, started through the same service as
 * `POST /reviews` so the snapshot is the demo's real portfolio. Run once the demo's signals are
 * computed. Does nothing when the month already has a review; returns the review's id if it made one.
 */
export async function seedDemoReview(db: Database, options: { endMonth: string; seeder: AuditActor; now: Date }): Promise<string | null> {
  const plan = buildDemoReview({ endMonth: options.endMonth });
  if (await getReviewIdForMonth(db, plan.month)) return null;
  // The demo executive runs the meeting; a demo email taken by someone inactive is left out.
  const chair = (await activeUser(db, plan.chairEmail)) ?? options.seeder;
  const owned: typeof plan.actionItems = [];
  for (const item of plan.actionItems) if (await activeUser(db, item.ownerEmail)) owned.push(item);

  const { month, heldOn, agenda, notes } = plan;
  const review = await startReview(db, { month, heldOn, agenda, notes }, chair, options.now, async (tx, started) => {
    for (const decision of plan.decisions) await recordReviewDecision(tx, started, decision, chair);
    for (const item of owned) await addReviewActionItem(tx, started, item, chair);
  });
  return review.id;
}

async function activeUser(db: Database, email: string): Promise<AuditActor | undefined> {
  const user = await getUserByEmail(db, email);
  return user?.active ? { id: user.id, email: user.email, name: user.name } : undefined;
}
