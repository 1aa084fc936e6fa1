import type { App } from '../../context.ts';
import { registerAddActionItem } from './add-action-item.ts';
import { registerAddDecision } from './add-decision.ts';
import { registerDiscardReview } from './delete.ts';
import { registerGetReview } from './get.ts';
import { registerListReviews } from './list.ts';
import { registerUpdateReview } from './patch.ts';
import { registerCreateReview } from './post.ts';
import { registerRefreezeReview } from './refreeze.ts';
import { registerUpdateActionItem } from './update-action-item.ts';

export function registerReviewRoutes(app: App): void {
  registerListReviews(app);
  registerCreateReview(app);
  registerGetReview(app);
  registerUpdateReview(app);
  registerDiscardReview(app);
  registerRefreezeReview(app);
  registerAddDecision(app);
  registerAddActionItem(app);
  registerUpdateActionItem(app);
}
