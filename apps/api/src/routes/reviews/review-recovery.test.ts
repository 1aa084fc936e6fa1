/**
 * Mistakes are recoverable: an admin discards a review started by mistake while it holds no
 * decisions and no action items, or takes its snapshot again before its first decision. Both need
 * the review's ETag, both are audited, and every refusal says why in plain words and changes nothing.
 */
import type { AuditEvent, Portfolio, Review } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/fingerprint.ts';
import { exampleFigures, Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { ReviewFixtures } from '../../../test/reviews.ts';

let harness: Harness;
let fixtures: ReviewFixtures;
let admin: TestUser;
let executive: TestUser;
let lead: TestUser;
let review: Review;

const MONTH = '2024-10';

beforeAll(async () => {
  harness = await Harness.start();
  fixtures = new ReviewFixtures(harness);
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin', { email: 'admin@example.com' });
  executive = await harness.user('executive', { email: 'erin@example.com' });
  lead = await harness.user('area_lead', { email: 'sam@example.com', leads: ['search'] });
  await fixtures.importWorkedExample(admin);
  review = await fixtures.started(MONTH, executive, { heldOn: '2024-11-07', agenda: 'Search first' });
});

const discard = (headers: Record<string, string> = { 'if-match': '"1"' }, as: TestUser = admin, id = review.id) =>
  harness.request(`/api/v1/reviews/${id}`, { method: 'DELETE', headers, as });
const refreeze = (headers: Record<string, string> = { 'if-match': '"1"' }, as: TestUser = admin, id = review.id) =>
  harness.request(`/api/v1/reviews/${id}/snapshot`, { method: 'POST', headers, as });

async function latestEvent(): Promise<AuditEvent | undefined> {
  return (await fixtures.latestAudit(admin))[0];
}

/** Sends a request that must be refused with `status`, in words matching `detail`, changing nothing. */
async function expectRefused(send: () => Promise<Response>, status: number, detail: RegExp): Promise<void> {
  const before = await fingerprint(harness.db);
  const response = await send();
  expect(response.status).toBe(status);
  const problem = await problemOf(response);
  expect(problem.detail).toMatch(detail);
  expect(problem.detail).not.toMatch(/review\.(discard|refreeze|manage)/);
  expect(await fingerprint(harness.db)).toEqual(before);
}

describe('DELETE /api/v1/reviews/{id} (discard)', () => {
  it('discards a review without decisions or action items, audits what it held, and frees its month', async () => {
    const response = await discard();
    expect(response.status).toBe(204);
    expect((await harness.request(`/api/v1/reviews/${review.id}`, { as: executive })).status).toBe(404);
    expect(await latestEvent()).toMatchObject({
      action: 'review.discarded',
      subject: MONTH,
      actor: { email: 'admin@example.com' },
      before: {
        id: review.id,
        month: MONTH,
        heldOn: '2024-11-07',
        agenda: 'Search first',
        takenAt: review.snapshot.takenAt,
        areas: review.snapshot.areas.length,
        areasInDrift: review.snapshot.organisation.areasInDrift,
        signals: review.snapshot.signals.length,
      },
      after: null,
    });
    const again = await fixtures.started(MONTH, executive, { heldOn: '2024-11-08' });
    expect(again.id).not.toBe(review.id);
    expect(again).toMatchObject({ month: MONTH, heldOn: '2024-11-08', decisionCount: 0, actionItemCount: 0 });
  });

  it('refuses a review with a decision, or with an action item (409), naming what it holds, and keeps it', async () => {
    await fixtures.decided(review.id, { text: 'Search keeps its recruiter' }, executive);
    await expectRefused(() => discard(), 409, /2024-10 has 1 decision: it is the meeting’s record and cannot be discarded/);

    const other = await fixtures.started('2024-09', executive);
    await fixtures.itemAdded(other.id, { title: 'Ask why', ownerEmail: lead.email }, executive);
    await fixtures.itemAdded(other.id, { title: 'Ask again', ownerEmail: lead.email }, executive);
    await expectRefused(() => discard({ 'if-match': '"1"' }, admin, other.id), 409, /has 2 action items: it is the meeting’s record/);
    expect((await fixtures.read(other.id, admin)).review.actionItemCount).toBe(2);
  });

  it('refuses executives, area leads and viewers in plain words (403)', async () => {
    const viewer = await harness.user('viewer');
    for (const who of [executive, lead, viewer]) {
      await expectRefused(() => discard({ 'if-match': '"1"' }, who), 403, /^Only admins can discard a review\.$/);
    }
  });

  it('needs the current ETag: 428 without If-Match, 412 when stale, 404 for no such review', async () => {
    await expectRefused(() => discard({}), 428, /Send If-Match with the review’s ETag/);
    const patched = await harness.json(`/api/v1/reviews/${review.id}`, 'PATCH', { notes: 'Changed' }, executive, { 'if-match': '"1"' });
    expect(patched.status).toBe(200);
    await expectRefused(() => discard({ 'if-match': '"1"' }), 412, /changed since you read it \(now "2"\)/);
    await expectRefused(() => discard({ 'if-match': 'W/"2"' }), 412, /changed since you read it/);
    await expectRefused(() => discard({ 'if-match': '"1"' }, admin, '00000000-0000-4000-8000-000000000000'), 404, /There is no review/);
    expect((await discard({ 'if-match': '"2"' })).status).toBe(204);
  });

  it('never loses a decision recorded at the same moment: either the discard or the decision is refused', async () => {
    const [discarded, decided] = await Promise.all([
      discard(),
      harness.json(`/api/v1/reviews/${review.id}/decisions`, 'POST', { text: 'Decided meanwhile' }, executive),
    ]);
    const outcome = [discarded.status, decided.status];
    expect([
      [204, 404],
      [409, 201],
    ]).toContainEqual(outcome);
    const remaining = await harness.request(`/api/v1/reviews/${review.id}`, { as: admin });
    expect(remaining.status).toBe(outcome[0] === 204 ? 404 : 200);
  });
});

describe('POST /api/v1/reviews/{id}/snapshot (freeze again)', () => {
  it('takes the snapshot again before the first decision, as starting the review would now, and audits both', async () => {
    const item = await fixtures.itemAdded(review.id, { title: 'Ask why', ownerEmail: lead.email }, executive);
    // Late figures for Search's month: the review's snapshot does not see them until taken again.
    const month = await harness.request(`/api/v1/areas/search/months/${MONTH}`, { as: admin });
    const changed = await harness.json(`/api/v1/areas/search/months/${MONTH}`, 'PUT', exampleFigures, admin, {
      'if-match': month.headers.get('etag') ?? '',
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    const portfolio = (await (await harness.request(`/api/v1/portfolio?month=${MONTH}`, { as: admin })).json()) as Portfolio;
    expect((await fixtures.read(review.id, admin)).review.snapshot.areas).not.toEqual(portfolio.areas);

    const response = await refreeze();
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const refrozen = (await response.json()) as Review;
    expect(refrozen).toMatchObject({ id: review.id, month: MONTH, version: 2, heldOn: '2024-11-07', agenda: 'Search first', actionItemCount: 1 });
    expect(refrozen.snapshot.areas).toEqual(portfolio.areas);
    expect(refrozen.snapshot.organisation).toEqual(portfolio.organisation);
    expect(refrozen.snapshot.takenAt > review.snapshot.takenAt).toBe(true);
    expect(refrozen.actionItems.map(({ id }) => id)).toEqual([item.id]);
    expect(await fixtures.read(review.id, executive)).toMatchObject({ review: refrozen, etag: '"2"' });
    expect(await latestEvent()).toMatchObject({
      action: 'review.refrozen',
      subject: MONTH,
      actor: { email: 'admin@example.com' },
      before: { id: review.id, takenAt: review.snapshot.takenAt, areas: review.snapshot.areas.length },
      after: { id: review.id, takenAt: refrozen.snapshot.takenAt, areas: refrozen.snapshot.areas.length },
    });
  });

  it('refuses once the review has a decision (409): the decision was taken on the snapshot it has', async () => {
    await fixtures.decided(review.id, { text: 'Search keeps its recruiter' }, executive);
    await expectRefused(() => refreeze(), 409, /has 1 decision, taken on the snapshot it has: that snapshot stays/);
  });

  it('refuses non-admins (403), a missing (428) or stale (412) If-Match and unknown reviews (404), changing nothing', async () => {
    await expectRefused(() => refreeze({ 'if-match': '"1"' }, executive), 403, /^Only admins can take a review’s snapshot again\.$/);
    await expectRefused(() => refreeze({ 'if-match': '"1"' }, lead), 403, /^Only admins can take a review’s snapshot again\.$/);
    await expectRefused(() => refreeze({}), 428, /Send If-Match/);
    await expectRefused(() => refreeze({ 'if-match': '"7"' }), 412, /changed since you read it \(now "1"\)/);
    await expectRefused(() => refreeze({ 'if-match': '"1"' }, admin, '00000000-0000-4000-8000-000000000000'), 404, /There is no review/);
  });
});
