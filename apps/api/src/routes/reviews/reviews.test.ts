import { type Portfolio, type Review, type ReviewList, reviewListSchema, reviewSchema, type Signal, type SignalList } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/fingerprint.ts';
import { exampleFigures, Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { ReviewFixtures } from '../../../test/reviews.ts';
import { ServiceError } from '../../services/errors.ts';
import { createReview, freezeReviewSnapshot } from '../../services/reviews.ts';

let harness: Harness;
let fixtures: ReviewFixtures;
let admin: TestUser;
let executive: TestUser;
let viewer: TestUser;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const KIND_ORDER = ['chipotle_drift', 'ownership_erosion', 'revenue_miss'];

beforeAll(async () => {
  harness = await Harness.start();
  fixtures = new ReviewFixtures(harness);
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin');
  executive = await harness.user('executive', { email: 'erin@example.com' });
  viewer = await harness.user('viewer');
  await fixtures.importWorkedExample(admin);
});

async function portfolioOf(month: string): Promise<Portfolio> {
  const response = await harness.request(`/api/v1/portfolio?month=${month}`, { as: viewer });
  expect(response.status).toBe(200);
  return (await response.json()) as Portfolio;
}

async function signalsOf(month: string): Promise<Signal[]> {
  const response = await harness.request(`/api/v1/signals?limit=1000&month=${month}`, { as: viewer });
  return ((await response.json()) as SignalList).items;
}

async function list(query = ''): Promise<ReviewList> {
  const response = await harness.request(`/api/v1/reviews${query}`, { as: viewer });
  expect(response.status).toBe(200);
  return (await response.json()) as ReviewList;
}

describe('POST /api/v1/reviews', () => {
  it("freezes the month's portfolio exactly as GET /portfolio computes it, and its signals but the cleared ones, drift first", async () => {
    // A decision taken before the meeting is part of what the meeting sees.
    const [decided] = (await signalsOf('2024-10')).filter((signal) => signal.areaSlug === 'search');
    if (!decided) throw new Error('Search has no signal in 2024-10');
    expect((await harness.json(`/api/v1/signals/${decided.id}`, 'PATCH', { status: 'acknowledged' }, executive)).status).toBe(200);
    const portfolio = await portfolioOf('2024-10');
    const response = await fixtures.start({ month: '2024-10', heldOn: '2024-11-07', agenda: 'Search and Data Platform' }, executive);
    expect(response.status).toBe(201);
    const review = (await response.json()) as Review;
    expect(response.headers.get('location')).toBe(`/api/v1/reviews/${review.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(review).toMatchObject({
      month: '2024-10',
      heldOn: '2024-11-07',
      agenda: 'Search and Data Platform',
      notes: '',
      version: 1,
      createdBy: { id: executive.id, email: 'erin@example.com', name: 'Test executive' },
      areasInDrift: 2,
      decisionCount: 0,
      actionItemCount: 0,
      openActionItemCount: 0,
      decisions: [],
      actionItems: [],
    });
    const { snapshot } = review;
    expect(snapshot.month).toBe('2024-10');
    expect(new Date(snapshot.takenAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect({ rules: snapshot.rules, organisation: snapshot.organisation, areas: snapshot.areas }).toEqual({
      rules: portfolio.rules,
      organisation: portfolio.organisation,
      areas: portfolio.areas,
    });

    const live = (await signalsOf('2024-10')).filter((signal) => signal.status !== 'cleared');
    expect(snapshot.signals.map((signal) => signal.id).sort()).toEqual(live.map((signal) => signal.id).sort());
    // Both critical: Search's drift is the stronger (m = 23.3 against 22.1 points).
    expect(snapshot.signals.slice(0, 2).map((signal) => [signal.kind, signal.areaSlug, signal.severity])).toEqual([
      ['chipotle_drift', 'search', 'critical'],
      ['chipotle_drift', 'data-platform', 'critical'],
    ]);
    const kinds = snapshot.signals.map((signal) => signal.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)));
    expect(snapshot.signals.find((signal) => signal.id === decided.id)?.status).toBe('acknowledged');

    // What the dashboard's client parses it with.
    expect(reviewSchema.safeParse(review).error?.issues ?? []).toEqual([]);
    const read = await fixtures.read(review.id, viewer);
    expect(read.review).toEqual(review);
    expect(read.etag).toBe('"1"');
  });

  it("keeps the snapshot as it stood when the month's figures, settings and signals change afterwards", async () => {
    const review = await fixtures.started('2024-10', executive);
    const [signal] = review.snapshot.signals;
    if (!signal) throw new Error('the month has no signal to decide on');
    expect((await harness.json(`/api/v1/signals/${signal.id}`, 'PATCH', { status: 'acknowledged' }, executive)).status).toBe(200);
    // Search's October rewritten as a healthy month: its drift clears and the portfolio changes.
    expect((await harness.json('/api/v1/areas/search/months/2024-10', 'PUT', exampleFigures, admin)).status).toBe(200);

    const portfolio = await portfolioOf('2024-10');
    expect(portfolio.areas).not.toEqual(review.snapshot.areas);
    expect(portfolio.organisation.areasInDrift).toBe(1);
    const { review: reread } = await fixtures.read(review.id, viewer);
    expect(reread.snapshot).toEqual(review.snapshot);
    expect(reread.areasInDrift).toBe(2);
    // As it stood when the review started, before the acknowledgement.
    expect(signal.status).not.toBe('acknowledged');
    expect(reread.snapshot.signals.find((frozen) => frozen.id === signal.id)?.status).toBe(signal.status);
  });

  it('answers 409 for a second review of a month, naming the review that exists', async () => {
    const first = await fixtures.started('2024-09', executive);
    const before = await fingerprint(harness.db);
    const second = await fixtures.start({ month: '2024-09', heldOn: '2024-10-02' }, admin);
    expect(second.status).toBe(409);
    const problem = (await problemOf(second)) as { detail: string; reviewId?: string };
    expect(problem.reviewId).toBe(first.id);
    expect(problem.detail).toBe('2024-09 already has a review; open it and add to it instead.');
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it('lets exactly one of two reviews of the same month started at once through', async () => {
    const responses = await Promise.all([
      fixtures.start({ month: '2024-11', heldOn: '2024-12-03', agenda: 'One' }, executive),
      fixtures.start({ month: '2024-11', heldOn: '2024-12-04', agenda: 'Two' }, admin),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const created = (await responses.find((response) => response.status === 201)?.json()) as Review;
    const refused = (await responses.find((response) => response.status === 409)?.json()) as { reviewId?: string };
    expect(refused.reviewId).toBe(created.id);
    expect((await list('?month=2024-11')).items.map((review) => review.id)).toEqual([created.id]);
  });

  it('is refused by the unique month when a race gets past the early check, naming the review that won', async () => {
    const first = await fixtures.started('2024-09', executive);
    const snapshot = await freezeReviewSnapshot(harness.db, '2024-09', new Date());
    const actor = { id: admin.id, email: admin.email, name: 'Test admin' };
    const refused = await createReview(harness.db, { month: '2024-09', heldOn: '2024-10-01', snapshot }, actor).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ failure: 'conflict', extensions: { reviewId: first.id } });
  });

  it('refuses bad input with the field at fault (422), and changes nothing', async () => {
    const before = await fingerprint(harness.db);
    const cases: [unknown, string][] = [
      [{ month: '2030-01', heldOn: '2030-02-01' }, 'month'],
      [{ month: '2024-02', heldOn: '2024-03-01' }, 'month'],
      [{ month: '2024-13', heldOn: '2024-11-01' }, 'month'],
      [{ month: '2024-10', heldOn: '2024-02-30' }, 'heldOn'],
      [{ month: '2024-10', heldOn: '0000-01-01' }, 'heldOn'],
      [{ month: '2024-10', heldOn: '2024-09-30' }, 'heldOn'],
      [{ month: '2024-10', heldOn: '7 Nov 2024' }, 'heldOn'],
      [{ month: '2024-10' }, 'heldOn'],
      [{ month: '2024-10', heldOn: '2024-11-07', agenda: 'Drift\u0000' }, 'agenda'],
      [{ month: '2024-10', heldOn: '2024-11-07', notes: 'x'.repeat(50_001) }, 'notes'],
      [{ month: '2024-10', heldOn: '2024-11-07', snapshot: {} }, ''],
    ];
    for (const [body, path] of cases) {
      const response = await fixtures.start(body, executive);
      expect(response.status, JSON.stringify(body).slice(0, 100)).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.path), JSON.stringify(body).slice(0, 100)).toContain(path);
    }
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it('records the start in the audit log, under the month', async () => {
    const review = await fixtures.started('2024-10', executive, { agenda: 'Drift first' });
    const [event] = await fixtures.latestAudit(admin);
    expect(event).toMatchObject({
      action: 'review.created',
      actor: { email: 'erin@example.com' },
      areaSlug: null,
      areaSlugs: [],
      subject: '2024-10',
      after: { id: review.id, month: '2024-10', heldOn: '2024-10-28', agenda: 'Drift first', areasInDrift: 2, areas: 5 },
    });
  });
});

describe('GET /api/v1/reviews', () => {
  it('pages newest month first with a cursor, filters by month, and counts decisions and open action items', async () => {
    const august = await fixtures.started('2024-08', executive);
    await fixtures.started('2024-10', executive);
    await fixtures.started('2024-09', admin);
    await fixtures.decided(august.id, { text: 'Keep Search on watch' }, executive);
    const done = await fixtures.itemAdded(august.id, { title: 'Ask Search why', ownerEmail: viewer.email }, executive);
    await fixtures.itemAdded(august.id, { title: 'Share the pack', ownerEmail: executive.email }, executive);
    const closed = await harness.json(`/api/v1/reviews/${august.id}/action-items/${done.id}`, 'PATCH', { status: 'done' }, executive);
    expect(closed.status).toBe(200);

    const first = await list('?limit=2');
    expect(reviewListSchema.safeParse(first).error?.issues ?? []).toEqual([]);
    expect(first.items.map((review) => review.month)).toEqual(['2024-10', '2024-09']);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ id: august.id, month: '2024-08' }], nextCursor: null });
    expect(second.items[0]).toMatchObject({ areasInDrift: 1, decisionCount: 1, actionItemCount: 2, openActionItemCount: 1, version: 1 });
    expect(second.items[0]).not.toHaveProperty('snapshot');

    expect((await list('?month=2024-09')).items.map((review) => review.month)).toEqual(['2024-09']);
    expect((await list('?month=2024-12')).items).toEqual([]);
  });

  it('refuses a bad month filter, limit or cursor with 422', async () => {
    for (const query of ['?month=2024-13', '?limit=0', '?limit=1001', '?cursor=%25', `?cursor=${Buffer.from('yesterday').toString('base64url')}`]) {
      const response = await harness.request(`/api/v1/reviews${query}`, { as: viewer });
      expect(response.status, query).toBe(422);
    }
  });
});

describe('reviews that are not there', () => {
  it('answers 404 for an unknown review on every route, and 422 for an id that is not one', async () => {
    const review = await fixtures.started('2024-10', executive);
    const item = await fixtures.itemAdded(review.id, { title: 'Follow up', ownerEmail: executive.email }, executive);
    const other = await fixtures.started('2024-09', executive);
    const calls: [string, string, unknown][] = [
      [`/api/v1/reviews/${UNKNOWN_ID}`, 'GET', undefined],
      [`/api/v1/reviews/${UNKNOWN_ID}`, 'PATCH', { notes: 'Lost' }],
      [`/api/v1/reviews/${UNKNOWN_ID}/decisions`, 'POST', { text: 'Lost' }],
      [`/api/v1/reviews/${UNKNOWN_ID}/action-items`, 'POST', { title: 'Lost', ownerEmail: executive.email }],
      [`/api/v1/reviews/${UNKNOWN_ID}/action-items/${item.id}`, 'PATCH', { status: 'done' }],
      [`/api/v1/reviews/${review.id}/action-items/${UNKNOWN_ID}`, 'PATCH', { status: 'done' }],
      // The item exists, but in another review.
      [`/api/v1/reviews/${other.id}/action-items/${item.id}`, 'PATCH', { status: 'done' }],
    ];
    const before = await fingerprint(harness.db);
    for (const [path, method, body] of calls) {
      const response = body === undefined ? await harness.request(path, { as: executive }) : await harness.json(path, method, body, executive);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await problemOf(response)).status).toBe(404);
    }
    expect(await fingerprint(harness.db)).toEqual(before);
    const badId = await harness.request('/api/v1/reviews/not-a-uuid', { as: viewer });
    expect(badId.status).toBe(422);
    expect((await problemOf(badId)).errors?.map((error) => error.path)).toEqual(['path.id']);
  });
});

describe('who may run a review', () => {
  it('lets every role read reviews, and refuses area leads and viewers every write (403), changing nothing', async () => {
    const review = await fixtures.started('2024-10', executive);
    const item = await fixtures.itemAdded(review.id, { title: 'Follow up', ownerEmail: executive.email }, executive);
    const lead = await harness.user('area_lead', { leads: ['search'] });
    const writes: [string, string, unknown][] = [
      ['/api/v1/reviews', 'POST', { month: '2024-09', heldOn: '2024-10-02' }],
      [`/api/v1/reviews/${review.id}`, 'PATCH', { notes: 'Mine now' }],
      [`/api/v1/reviews/${review.id}/decisions`, 'POST', { text: 'Search stays independent', areaSlug: 'search' }],
      [`/api/v1/reviews/${review.id}/action-items`, 'POST', { title: 'Hire', ownerEmail: executive.email, areaSlug: 'search' }],
      [`/api/v1/reviews/${review.id}/action-items/${item.id}`, 'PATCH', { status: 'done' }],
    ];
    const before = await fingerprint(harness.db);
    for (const user of [lead, viewer]) {
      for (const [path, method, body] of writes) {
        const response = await harness.json(path, method, body, user);
        expect(response.status, `${method} ${path}`).toBe(403);
      }
      expect((await harness.request('/api/v1/reviews', { as: user })).status).toBe(200);
      expect((await harness.request(`/api/v1/reviews/${review.id}`, { as: user })).status).toBe(200);
    }
    expect(await fingerprint(harness.db)).toEqual(before);
    expect((await harness.request('/api/v1/reviews')).status).toBe(401);
  });
});
