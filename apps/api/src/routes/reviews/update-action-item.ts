import { actionItemParamsSchema, actionItemSchema, updateActionItemSchema } from '@autonomy/contracts';
import { getActionItem, getReview, recordAuditEvent, updateActionItem } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.ts';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { requireActiveOwner } from '../../services/reviews.ts';
import { etagOf, ifMatchAccepts, staleEtag } from '../etag.ts';
import { holdsAlready } from '../../services/unchanged.ts';
import { changedFields, toActionItem } from './shared.ts';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/reviews/{id}/action-items/{itemId}',
  tags: ['Reviews'],
  summary:
    'Change an action item (executives and admins): title, owner, due date (null removes it) or status (`open`, `done`, ' +
    "`dropped`; items are never deleted). Send If-Match with the item's ETag so a change made meanwhile is not overwritten",
  request: { params: actionItemParamsSchema, headers: ifMatchHeaders, body: jsonBody(updateActionItemSchema) },
  responses: {
    200: jsonContentWithEtag(actionItemSchema, 'The changed action item'),
    ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
  },
});

export function registerUpdateActionItem(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    authorize(actor, 'review.manage');
    const { id, itemId } = c.req.valid('param');
    const { ownerEmail, ...patch } = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    const item = await c.var.deps.database.db.transaction(async (tx) => {
      const review = await getReview(tx, id);
      if (!review) throw new ApiError('not_found', `There is no review ${id}.`);
      const before = await getActionItem(tx, id, itemId);
      if (!before) throw new ApiError('not_found', `Review ${review.month} has no action item ${itemId}.`);
      if (!ifMatchAccepts(ifMatch, before)) {
        throw staleEtag(`This action item changed since you read it (now ${etagOf(before)}); reload it and apply your change again.`);
      }
      // The owner is checked only when it changes: an item whose owner has left can still be renamed or closed.
      const newOwner = ownerEmail !== undefined && ownerEmail.toLowerCase() !== before.owner?.email.toLowerCase();
      const owner = newOwner ? await requireActiveOwner(tx, ownerEmail) : undefined;
      if (!owner && holdsAlready(before, patch)) return before;
      // Against the version just read: a change committed meanwhile makes this one stale, not lost.
      const after = await updateActionItem(tx, {
        reviewId: id,
        itemId,
        patch: { ...patch, ...(owner ? { ownerId: owner.id } : {}) },
        expectedVersion: before.version,
      });
      if (!after) throw staleEtag('Someone else changed this action item at the same moment; reload it and apply your change again.');
      const changes = changedFields(audited(before), audited(after), ['title', 'ownerEmail', 'dueOn', 'status']);
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
    c.header('ETag', etagOf(item));
    return c.json(toActionItem(item), 200);
  });
}

function audited(item: { title: string; owner: { email: string } | null; dueOn: string | null; status: string }) {
  return { title: item.title, ownerEmail: item.owner?.email ?? null, dueOn: item.dueOn, status: item.status };
}
