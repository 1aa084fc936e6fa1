/**
 * The owner of an action item (often an area lead) marks it done or dropped and writes its
 * progress note, and nothing else; executives and admins keep changing anything. Also the owner's
 * own list across reviews, `GET /api/v1/action-items?owner=me`.
 */
import type { ActionItem, ActionItemList, AuditEvent, Review } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/fingerprint.ts';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { ReviewFixtures } from '../../../test/reviews.ts';

let harness: Harness;
let fixtures: ReviewFixtures;
let admin: TestUser;
let executive: TestUser;
let owner: TestUser;
let otherLead: TestUser;
let review: Review;
let item: ActionItem;
let othersItem: ActionItem;

// The day the tests run on: items due before it are overdue.
const TODAY = new Date('2024-12-10T12:00:00Z');

beforeAll(async () => {
  harness = await Harness.start({ now: () => TODAY });
  fixtures = new ReviewFixtures(harness);
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin', { email: 'admin@example.com' });
  executive = await harness.user('executive', { email: 'erin@example.com' });
  owner = await harness.user('area_lead', { email: 'sam@example.com', leads: ['search'] });
  otherLead = await harness.user('area_lead', { email: 'dana@example.com', leads: ['data-platform'] });
  await fixtures.importWorkedExample(admin);
  review = await fixtures.started('2024-10', executive, { heldOn: '2024-11-07' });
  item = await fixtures.itemAdded(review.id, { title: 'Give Search its recruiter back', ownerEmail: owner.email, dueOn: '2024-12-15', areaSlug: 'search' }, executive);
  othersItem = await fixtures.itemAdded(review.id, { title: 'Ask Data Platform why', ownerEmail: otherLead.email }, executive);
});

const patchItem = (target: { id: string }, body: unknown, as: TestUser, headers: Record<string, string> = {}) =>
  harness.json(`/api/v1/reviews/${review.id}/action-items/${target.id}`, 'PATCH', body, as, headers);

async function latestEvent(): Promise<AuditEvent | undefined> {
  return (await fixtures.latestAudit(admin))[0];
}

async function expectRefused(send: () => Promise<Response>, status: number, detail: RegExp, path?: string): Promise<void> {
  const before = await fingerprint(harness.db);
  const response = await send();
  expect(response.status).toBe(status);
  const problem = await problemOf(response);
  expect(problem.detail).toMatch(detail);
  expect(problem.detail).not.toMatch(/review\.manage|action_item\./);
  if (path !== undefined) expect(problem.errors?.map((error) => error.path)).toContain(path);
  expect(await fingerprint(harness.db)).toEqual(before);
}

describe('the owner of an action item', () => {
  it('marks it done with a progress note, trimmed, attributed to them in the audit log', async () => {
    const response = await patchItem(item, { status: 'done', note: '  Recruiter starts on Monday  ' }, owner, { 'if-match': '"1"' });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await response.json()).toMatchObject({
      status: 'done',
      note: 'Recruiter starts on Monday',
      title: 'Give Search its recruiter back',
      dueOn: '2024-12-15',
      owner: { email: 'sam@example.com' },
      version: 2,
    });
    expect(await latestEvent()).toMatchObject({
      action: 'review.action_item_updated',
      actor: { email: 'sam@example.com' },
      areaSlugs: ['search'],
      subject: '2024-10',
      before: { id: item.id, status: 'open', note: null },
      after: { id: item.id, status: 'done', note: 'Recruiter starts on Monday' },
    });
    expect((await fixtures.read(review.id, owner)).review).toMatchObject({ openActionItemCount: 1 });
  });

  it('drops it, and writes a note on its own, each replacing the one before (kept in the audit log)', async () => {
    const noted = await patchItem(item, { note: 'Waiting for the budget' }, owner);
    expect(await noted.json()).toMatchObject({ status: 'open', note: 'Waiting for the budget', version: 2 });
    const dropped = await patchItem(item, { status: 'dropped', note: 'No budget this year' }, owner, { 'if-match': '"2"' });
    expect(await dropped.json()).toMatchObject({ status: 'dropped', note: 'No budget this year', version: 3 });
    expect(await latestEvent()).toMatchObject({
      before: { status: 'open', note: 'Waiting for the budget' },
      after: { status: 'dropped', note: 'No budget this year' },
    });
  });

  it('is refused anything else on their item in plain words (403), and nothing changes', async () => {
    await expectRefused(
      () => patchItem(item, { dueOn: '2025-01-31' }, owner),
      403,
      /^As its owner you can mark it done or dropped and add a note; ask an executive to change its due date\.$/,
    );
    await expectRefused(() => patchItem(item, { title: 'Something easier', status: 'done' }, owner), 403, /ask an executive to change its title\.$/);
    await expectRefused(() => patchItem(item, { ownerEmail: otherLead.email }, owner), 403, /ask an executive to change its owner\.$/);
    await expectRefused(() => patchItem(item, { dueOn: null, title: 'Later' }, owner), 403, /change its title and due date\.$/);
    expect((await patchItem(item, { status: 'done' }, owner)).status).toBe(200);
    await expectRefused(() => patchItem(item, { status: 'open' }, owner), 403, /ask an executive to reopen it\.$/);
  });

  it("is refused someone else's item, as are viewers and leads who own nothing (403), and nothing changes", async () => {
    const viewer = await harness.user('viewer');
    for (const who of [owner, viewer]) {
      await expectRefused(() => patchItem(othersItem, { status: 'done', note: 'Done for them' }, who), 403, /^Only the item’s owner, executives and admins can update it\.$/);
    }
  });

  it('gets 422 naming the note for an empty, blank, over-long or NUL note, and nothing changes', async () => {
    for (const note of ['', '   ', 'x'.repeat(2001), 'half\u0000done', 42, null]) {
      await expectRefused(() => patchItem(item, { status: 'done', note }, owner), 422, /invalid values/, 'note');
    }
    const longest = await patchItem(item, { note: `  ${'x'.repeat(2000)}  ` }, owner);
    expect(longest.status).toBe(200);
    expect(((await longest.json()) as ActionItem).note).toHaveLength(2000);
  });

  it('gets 412 for a stale If-Match, keeping the change made meanwhile', async () => {
    expect((await patchItem(item, { note: 'First' }, owner, { 'if-match': '"1"' })).status).toBe(200);
    await expectRefused(() => patchItem(item, { status: 'done' }, owner, { 'if-match': '"1"' }), 412, /changed since you read it/);
  });
});

describe('executives and admins', () => {
  it('keep changing any field of any item, the note included', async () => {
    const changed = await patchItem(othersItem, { note: 'Chased in the weekly', dueOn: '2025-02-01', status: 'done' }, executive);
    expect(await changed.json()).toMatchObject({ note: 'Chased in the weekly', dueOn: '2025-02-01', status: 'done' });
    const reopened = await patchItem(othersItem, { status: 'open', title: 'Ask Data Platform again' }, admin);
    expect(await reopened.json()).toMatchObject({ status: 'open', title: 'Ask Data Platform again', note: 'Chased in the weekly' });
  });
});

describe('GET /api/v1/action-items?owner=me', () => {
  async function list(query: string, as: TestUser = owner): Promise<ActionItemList> {
    const response = await harness.request(`/api/v1/action-items?${query}`, { as });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as ActionItemList;
  }

  it("lists the caller's own items across reviews, soonest due first and undated last, with the review's month", async () => {
    const september = await fixtures.started('2024-09', executive);
    const overdue = await fixtures.itemAdded(september.id, { title: 'Hire a lead recruiter', ownerEmail: owner.email, dueOn: '2024-11-30' }, executive);
    const undated = await fixtures.itemAdded(september.id, { title: 'Write it down', ownerEmail: owner.email }, executive);
    const finished = await fixtures.itemAdded(september.id, { title: 'Already done', ownerEmail: owner.email, dueOn: '2024-10-01' }, executive);
    const closed = await harness.json(`/api/v1/reviews/${september.id}/action-items/${finished.id}`, 'PATCH', { status: 'done' }, owner);
    expect(closed.status).toBe(200);

    const open = await list('owner=me&status=open');
    expect(open.items.map(({ id, reviewMonth }) => [id, reviewMonth])).toEqual([
      [overdue.id, '2024-09'],
      [item.id, '2024-10'],
      [undated.id, '2024-09'],
    ]);
    expect(open.items[0]).toMatchObject({ title: 'Hire a lead recruiter', owner: { email: 'sam@example.com' }, status: 'open', note: null });
    expect(open.nextCursor).toBeNull();

    expect((await list('owner=me&status=open&overdue=true')).items.map(({ id }) => id)).toEqual([overdue.id]);
    expect((await list('owner=me')).items.map(({ id }) => id)).toEqual([finished.id, overdue.id, item.id, undated.id]);
    expect((await list('owner=me', otherLead)).items.map(({ id }) => id)).toEqual([othersItem.id]);
    expect((await list('owner=me', admin)).items).toEqual([]);

    // Page by page, one item a page, the same items in the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ActionItemList = await list(`owner=me&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map(({ id }) => id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([finished.id, overdue.id, item.id, undated.id]);
  });

  it('refuses a missing or other owner, a bad status or overdue flag, and a cursor not given out (422)', async () => {
    for (const query of ['', 'owner=sam@example.com', 'owner=me&status=closed', 'owner=me&overdue=yes', 'owner=me&cursor=AA', 'owner=me&limit=0']) {
      const response = await harness.request(`/api/v1/action-items?${query}`, { as: owner });
      expect(response.status, query).toBe(422);
      expect((await problemOf(response)).errors?.length, query).toBeGreaterThan(0);
    }
    expect((await harness.request('/api/v1/action-items?owner=me')).status).toBe(401);
  });
});
