import { type ActionItem, actionItemSchema, type AuditEvent, type Review, type ReviewDecision, reviewDecisionSchema } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/fingerprint.ts';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { ReviewFixtures } from '../../../test/reviews.ts';

let harness: Harness;
let fixtures: ReviewFixtures;
let admin: TestUser;
let executive: TestUser;
let owner: TestUser;
let review: Review;

beforeAll(async () => {
  harness = await Harness.start();
  fixtures = new ReviewFixtures(harness);
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin', { email: 'admin@example.com' });
  executive = await harness.user('executive', { email: 'erin@example.com' });
  owner = await harness.user('area_lead', { email: 'sam@example.com', leads: ['search'] });
  await fixtures.importWorkedExample(admin);
  review = await fixtures.started('2024-10', executive, { heldOn: '2024-11-07' });
});

const patchReview = (body: unknown, headers: Record<string, string> = {}, as: TestUser = executive) =>
  harness.json(`/api/v1/reviews/${review.id}`, 'PATCH', body, as, headers);
const patchItem = (item: { id: string }, body: unknown, headers: Record<string, string> = {}) =>
  harness.json(`/api/v1/reviews/${review.id}/action-items/${item.id}`, 'PATCH', body, executive, headers);

async function latestEvent(): Promise<AuditEvent | undefined> {
  return (await fixtures.latestAudit(admin))[0];
}

describe('PATCH /api/v1/reviews/{id}', () => {
  it('changes the date, agenda and notes with If-Match, bumps the version and audits only what changed', async () => {
    const { etag } = await fixtures.read(review.id, executive);
    const response = await patchReview({ heldOn: '2024-11-08', notes: 'Checkout escalated', agenda: '' }, { 'if-match': etag ?? '' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const changed = (await response.json()) as Review;
    expect(changed).toMatchObject({ heldOn: '2024-11-08', notes: 'Checkout escalated', agenda: '', version: 2, month: '2024-10' });
    expect(changed.snapshot).toEqual(review.snapshot);
    expect(await latestEvent()).toMatchObject({
      action: 'review.updated',
      subject: '2024-10',
      actor: { email: 'erin@example.com' },
      // The agenda was already empty: not a change.
      before: { heldOn: '2024-11-07', notes: '' },
      after: { heldOn: '2024-11-08', notes: 'Checkout escalated' },
    });
    expect((await latestEvent())?.after).not.toHaveProperty('agenda');
  });

  it('refuses a stale If-Match with 412 and keeps the change made meanwhile', async () => {
    const { etag } = await fixtures.read(review.id, executive);
    expect((await patchReview({ notes: 'First' }, { 'if-match': etag ?? '' })).status).toBe(200);
    const before = await fingerprint(harness.db);
    const stale = await patchReview({ notes: 'Second' }, { 'if-match': etag ?? '' });
    expect(stale.status).toBe(412);
    expect((await problemOf(stale)).detail).toMatch(/changed since you read it/);
    expect(await fingerprint(harness.db)).toEqual(before);
    expect((await fixtures.read(review.id, executive)).review.notes).toBe('First');
  });

  it('lets exactly one of twelve concurrent changes with the same ETag through', async () => {
    const { etag } = await fixtures.read(review.id, executive);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => patchReview({ notes: `Writer ${index}` }, { 'if-match': etag ?? '' })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(11).fill(412)]);
    const { review: after } = await fixtures.read(review.id, executive);
    expect(after.version).toBe(2);
    const winner = (await responses.find((response) => response.status === 200)?.json()) as Review;
    expect(after.notes).toBe(winner.notes);
  });

  it('refuses a change of month or snapshot, an empty patch, NUL characters and a date before the month (422)', async () => {
    for (const [body, path] of [
      [{ month: '2024-09' }, ''],
      [{ snapshot: {} }, ''],
      [{}, ''],
      [{ notes: 'a\u0000b' }, 'notes'],
      [{ heldOn: '2024-11-31' }, 'heldOn'],
      [{ heldOn: '2024-09-30' }, 'heldOn'],
    ] as const) {
      const response = await patchReview(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.path)).toContain(path);
    }
  });
});

describe('POST /api/v1/reviews/{id}/decisions', () => {
  it('records decisions oldest first, attributed, and shows one about an area in that area’s changes', async () => {
    const first = await fixtures.decided(review.id, { text: '  Search keeps its own hiring  ', areaSlug: 'search' }, executive);
    expect(first).toMatchObject({ text: 'Search keeps its own hiring', areaSlug: 'search', createdBy: { id: executive.id, email: 'erin@example.com' } });
    expect(reviewDecisionSchema.safeParse(first).error?.issues ?? []).toEqual([]);
    const second = await fixtures.decided(review.id, { text: 'Revisit in January' }, admin);
    expect(second.areaSlug).toBeNull();

    const { review: read } = await fixtures.read(review.id, owner);
    expect(read.decisions.map((decision: ReviewDecision) => decision.id)).toEqual([first.id, second.id]);
    expect(read).toMatchObject({ decisionCount: 2, version: 1 });

    const [forSearch] = await fixtures.latestAudit(admin, '&area=search');
    expect(forSearch).toMatchObject({
      action: 'review.decision_recorded',
      areaSlug: 'search',
      areaSlugs: ['search'],
      subject: '2024-10',
      after: { id: first.id, text: 'Search keeps its own hiring', areaSlug: 'search' },
    });
    expect(await latestEvent()).toMatchObject({ action: 'review.decision_recorded', areaSlugs: [], after: { text: 'Revisit in January' } });
  });

  it('refuses empty text, NUL characters and unknown areas with the field at fault, and changes nothing', async () => {
    const before = await fingerprint(harness.db);
    for (const [body, path] of [
      [{ text: '   ' }, 'text'],
      [{ text: '' }, 'text'],
      [{ text: 'x\u0000' }, 'text'],
      [{ text: 'x'.repeat(2001) }, 'text'],
      [{ text: 'About nothing', areaSlug: 'no-such-area' }, 'areaSlug'],
      [{ text: 'About nothing', areaSlug: 'Search' }, 'areaSlug'],
    ] as const) {
      const response = await harness.json(`/api/v1/reviews/${review.id}/decisions`, 'POST', body, executive);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.path), JSON.stringify(body)).toContain(path);
    }
    expect(await fingerprint(harness.db)).toEqual(before);
  });
});

describe('action items', () => {
  it('adds an open item with its owner, due date and area, and an ETag', async () => {
    const response = await harness.json(
      `/api/v1/reviews/${review.id}/action-items`,
      'POST',
      { title: 'Give Search its recruiter back', ownerEmail: ' SAM@example.com ', dueOn: '2024-12-15', areaSlug: 'search' },
      executive,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    const item = (await response.json()) as ActionItem;
    expect(actionItemSchema.safeParse(item).error?.issues ?? []).toEqual([]);
    expect(item).toMatchObject({
      reviewId: review.id,
      title: 'Give Search its recruiter back',
      owner: { id: owner.id, email: 'sam@example.com', name: 'Test area_lead' },
      dueOn: '2024-12-15',
      areaSlug: 'search',
      status: 'open',
      version: 1,
    });
    expect((await fixtures.read(review.id, executive)).review).toMatchObject({ actionItems: [item], actionItemCount: 1, openActionItemCount: 1 });
    expect(await latestEvent()).toMatchObject({
      action: 'review.action_item_added',
      areaSlugs: ['search'],
      subject: '2024-10',
      after: { id: item.id, title: item.title, ownerEmail: 'sam@example.com', dueOn: '2024-12-15', status: 'open' },
    });
  });

  it('refuses an owner who is unknown or deactivated, an unknown area and a bad date (422), and changes nothing', async () => {
    const leaver = await harness.user('viewer', { email: 'leaver@example.com' });
    expect((await harness.json(`/api/v1/users/${leaver.id}`, 'PATCH', { active: false }, admin)).status).toBe(200);
    const before = await fingerprint(harness.db);
    for (const [body, path] of [
      [{ title: 'Chase', ownerEmail: 'nobody@example.com' }, 'ownerEmail'],
      [{ title: 'Chase', ownerEmail: 'leaver@example.com' }, 'ownerEmail'],
      [{ title: 'Chase', ownerEmail: 'not an email' }, 'ownerEmail'],
      [{ title: 'Chase', ownerEmail: owner.email, areaSlug: 'no-such-area' }, 'areaSlug'],
      [{ title: 'Chase', ownerEmail: owner.email, dueOn: '2024-02-30' }, 'dueOn'],
      [{ title: ' ', ownerEmail: owner.email }, 'title'],
      [{ title: 'Chase\u0000', ownerEmail: owner.email }, 'title'],
      [{ title: 'Chase', ownerEmail: owner.email, status: 'done' }, ''],
    ] as const) {
      const response = await harness.json(`/api/v1/reviews/${review.id}/action-items`, 'POST', body, executive);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.path), JSON.stringify(body)).toContain(path);
    }
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it('changes status, owner, title and due date with If-Match, and audits what changed', async () => {
    const item = await fixtures.itemAdded(review.id, { title: 'Ask why', ownerEmail: owner.email, dueOn: '2024-12-01', areaSlug: 'search' }, executive);
    const done = await patchItem(item, { status: 'done', dueOn: null, ownerEmail: executive.email }, { 'if-match': '"1"' });
    expect(done.status).toBe(200);
    expect(done.headers.get('etag')).toBe('"2"');
    expect(await done.json()).toMatchObject({ status: 'done', dueOn: null, owner: { email: 'erin@example.com' }, title: 'Ask why', version: 2 });
    expect(await latestEvent()).toMatchObject({
      action: 'review.action_item_updated',
      areaSlugs: ['search'],
      subject: '2024-10',
      before: { id: item.id, title: 'Ask why', status: 'open', dueOn: '2024-12-01', ownerEmail: 'sam@example.com' },
      after: { id: item.id, title: 'Ask why', status: 'done', dueOn: null, ownerEmail: 'erin@example.com' },
    });
    expect((await fixtures.read(review.id, executive)).review).toMatchObject({ actionItemCount: 1, openActionItemCount: 0 });

    const renamed = await patchItem(item, { title: 'Ask Search why' });
    expect(await renamed.json()).toMatchObject({ title: 'Ask Search why', status: 'done', version: 3 });
    const renaming = await latestEvent();
    expect(renaming).toMatchObject({ before: { title: 'Ask why' }, after: { title: 'Ask Search why' } });
    expect(renaming?.after).not.toHaveProperty('status');
  });

  it('refuses a stale If-Match with 412, and lets one of twelve concurrent changes with the same ETag through', async () => {
    const item = await fixtures.itemAdded(review.id, { title: 'Ask why', ownerEmail: owner.email }, executive);
    expect((await patchItem(item, { status: 'dropped' }, { 'if-match': '"1"' })).status).toBe(200);
    const before = await fingerprint(harness.db);
    const stale = await patchItem(item, { status: 'done' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(await fingerprint(harness.db)).toEqual(before);

    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => patchItem(item, { title: `Writer ${index}` }, { 'if-match': '"2"' })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(11).fill(412)]);
    const [stored] = (await fixtures.read(review.id, executive)).review.actionItems;
    expect(stored?.version).toBe(3);
  });

  it('refuses an unknown or deactivated new owner and an empty patch (422)', async () => {
    const item = await fixtures.itemAdded(review.id, { title: 'Ask why', ownerEmail: owner.email }, executive);
    const gone = await harness.user('viewer', { email: 'gone@example.com' });
    expect((await harness.json(`/api/v1/users/${gone.id}`, 'PATCH', { active: false }, admin)).status).toBe(200);
    for (const [body, path] of [
      [{ ownerEmail: 'nobody@example.com' }, 'ownerEmail'],
      [{ ownerEmail: gone.email }, 'ownerEmail'],
      [{}, ''],
      [{ status: 'cleared' }, 'status'],
      [{ areaSlug: 'search' }, ''],
    ] as const) {
      const response = await patchItem(item, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.path), JSON.stringify(body)).toContain(path);
    }
  });

  it('lets an item whose owner has left be renamed and closed, sending the owner back unchanged', async () => {
    const item = await fixtures.itemAdded(review.id, { title: 'Ask why', ownerEmail: owner.email }, executive);
    expect((await harness.json(`/api/v1/users/${owner.id}`, 'PATCH', { active: false }, admin)).status).toBe(200);
    const renamed = await patchItem(item, { title: 'Ask Search why', ownerEmail: owner.email, status: 'dropped' }, { 'if-match': '"1"' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ title: 'Ask Search why', status: 'dropped', owner: { email: 'sam@example.com' }, version: 2 });
  });

  it('keeps the version and writes no audit line when a change saves what is there already', async () => {
    const item = await fixtures.itemAdded(review.id, { title: 'Ask why', ownerEmail: owner.email }, executive);
    const before = await fingerprint(harness.db);
    const same = await patchItem(item, { title: 'Ask why', status: 'open', ownerEmail: 'SAM@example.com' }, { 'if-match': '"1"' });
    expect(same.status).toBe(200);
    expect(same.headers.get('etag')).toBe('"1"');
    const sameReview = await patchReview({ heldOn: '2024-11-07', agenda: review.agenda }, { 'if-match': '"1"' });
    expect(sameReview.status).toBe(200);
    expect(sameReview.headers.get('etag')).toBe('"1"');
    expect(await fingerprint(harness.db)).toEqual(before);
  });
});
