import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../schema/index.ts';
import { createTestDatabase, resetDatabase, type TestDatabase } from '../test/index.ts';
import {
  addActionItem,
  addReviewDecision,
  getActionItem,
  getReview,
  getReviewIdForMonth,
  insertReview,
  listActionItems,
  listReviewDecisions,
  listReviews,
  updateActionItem,
  updateReview,
} from './reviews.ts';
import { createUser, type UserRow } from './users.ts';

let database: TestDatabase;
let chair: UserRow;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  await resetDatabase(database);
  chair = await user('chair@example.com');
});

async function user(email: string): Promise<UserRow> {
  const created = await createUser(database.db, { email, name: `Name of ${email}`, role: 'executive', passwordHash: 'x' });
  if (!created) throw new Error(`${email} was not created`);
  return created;
}

async function review(month: string, areasInDrift = 0) {
  const snapshot = { month, organisation: { areasInDrift } };
  const row = await insertReview(database.db, { month, heldOn: `${month}-15`, agenda: '', notes: '', snapshot, createdBy: chair.id });
  if (!row) throw new Error(`the review of ${month} was not created`);
  return row;
}

describe('insertReview', () => {
  it('starts one review per month and returns nothing for a second one, leaving the first as it was', async () => {
    const first = await review('2024-10', 2);
    const second = await insertReview(database.db, {
      month: '2024-10',
      heldOn: '2024-11-01',
      agenda: 'Again',
      notes: '',
      snapshot: {},
      createdBy: chair.id,
    });
    expect(second).toBeUndefined();
    expect(await getReviewIdForMonth(database.db, '2024-10')).toBe(first.id);
    expect(await getReview(database.db, first.id)).toMatchObject({ agenda: '', heldOn: '2024-10-15', version: 1 });
  });
});

describe('listReviews and getReview', () => {
  it('pages newest month first and counts decisions, items and open items in the same query', async () => {
    const august = await review('2024-08', 1);
    await review('2024-10', 3);
    await review('2024-09');
    await addReviewDecision(database.db, { reviewId: august.id, text: 'Watch Search', areaSlug: 'search', createdBy: chair.id });
    for (const status of ['open', 'done', 'dropped', 'open'] as const) {
      await addActionItem(database.db, { reviewId: august.id, title: status, ownerId: chair.id, dueOn: null, areaSlug: null, status, createdBy: chair.id });
    }

    const first = await listReviews(database.db, { limit: 2 });
    expect(first.map((row) => [row.month, row.areasInDrift])).toEqual([
      ['2024-10', 3],
      ['2024-09', 0],
    ]);
    const second = await listReviews(database.db, { limit: 2, beforeMonth: '2024-09' });
    expect(second).toEqual([
      expect.objectContaining({
        id: august.id,
        month: '2024-08',
        createdBy: { id: chair.id, email: 'chair@example.com', name: 'Name of chair@example.com' },
        decisionCount: 1,
        actionItemCount: 4,
        openActionItemCount: 2,
      }),
    ]);
    expect((await listReviews(database.db, { limit: 10, month: '2024-09' })).map((row) => row.month)).toEqual(['2024-09']);
    expect(await getReview(database.db, august.id)).toMatchObject({ snapshot: { month: '2024-08' }, decisionCount: 1 });
  });

  it('keeps the review, its decisions and items when their people are deleted, naming nobody', async () => {
    const owner = await user('owner@example.com');
    const august = await review('2024-08');
    await addReviewDecision(database.db, { reviewId: august.id, text: 'Decided', areaSlug: null, createdBy: chair.id });
    await addActionItem(database.db, { reviewId: august.id, title: 'Do', ownerId: owner.id, dueOn: null, areaSlug: null, createdBy: chair.id });
    await database.db.delete(users).where(eq(users.id, owner.id));
    await database.db.delete(users).where(eq(users.id, chair.id));

    expect((await getReview(database.db, august.id))?.createdBy).toBeNull();
    expect((await listReviewDecisions(database.db, august.id)).map((row) => row.createdBy)).toEqual([null]);
    expect((await listActionItems(database.db, august.id)).map((row) => [row.title, row.owner])).toEqual([['Do', null]]);
  });
});

describe('decisions and action items', () => {
  it('keep the order they were recorded in, even within one transaction', async () => {
    const october = await review('2024-10');
    await database.db.transaction(async (tx) => {
      for (const text of ['First', 'Second', 'Third', 'Fourth']) {
        await addReviewDecision(tx, { reviewId: october.id, text, areaSlug: null, createdBy: chair.id });
        await addActionItem(tx, { reviewId: october.id, title: text, ownerId: chair.id, dueOn: null, areaSlug: null, createdBy: chair.id });
      }
    });
    expect((await listReviewDecisions(database.db, october.id)).map((row) => row.text)).toEqual(['First', 'Second', 'Third', 'Fourth']);
    expect((await listActionItems(database.db, october.id)).map((row) => row.title)).toEqual(['First', 'Second', 'Third', 'Fourth']);
  });
});

describe('conditional updates', () => {
  it('change a review only at the version read, and bump it', async () => {
    const october = await review('2024-10');
    expect(await updateReview(database.db, october.id, { notes: 'Noted' }, 1)).toMatchObject({ notes: 'Noted', version: 2 });
    expect(await updateReview(database.db, october.id, { notes: 'Lost' }, 1)).toBeNull();
    expect(await getReview(database.db, october.id)).toMatchObject({ notes: 'Noted', version: 2 });
  });

  it('change an action item only at the version read and only within its own review', async () => {
    const october = await review('2024-10');
    const september = await review('2024-09');
    const item = await addActionItem(database.db, {
      reviewId: october.id,
      title: 'Do',
      ownerId: chair.id,
      dueOn: '2024-11-30',
      areaSlug: 'search',
      createdBy: chair.id,
    });
    const elsewhere = { itemId: item.id, patch: { status: 'done' as const }, expectedVersion: 1 };
    expect(await updateActionItem(database.db, { reviewId: september.id, ...elsewhere })).toBeNull();
    expect(await getActionItem(database.db, september.id, item.id)).toBeUndefined();

    const done = await updateActionItem(database.db, { reviewId: october.id, ...elsewhere, patch: { status: 'done', dueOn: null } });
    expect(done).toMatchObject({ status: 'done', dueOn: null, version: 2, areaSlug: 'search', owner: { email: 'chair@example.com' } });
    expect(await updateActionItem(database.db, { reviewId: october.id, ...elsewhere, patch: { status: 'open' } })).toBeNull();
    expect(await getActionItem(database.db, october.id, item.id)).toMatchObject({ status: 'done', version: 2 });
  });
});
