import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionItem, Review, ReviewSummary } from '@autonomy/contracts';
import { ApiError } from '../../lib/api.ts';
import {
  ActionItemChangedError,
  changeActionItem,
  ReviewChangedError,
  ReviewExistsError,
  saveReviewRecord,
  startReview,
} from './queries.ts';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, detail: string) {
  return jsonResponse({ type: 'about:blank', title: 'Refused', status, detail }, status);
}

const summary: ReviewSummary = {
  id: '0b5b7a4e-5d2f-4a39-9f0e-7c1d2e3f4a5b',
  month: '2026-10',
  heldOn: '2026-11-03',
  createdBy: { id: 'u1', email: 'exec@demo.example', name: 'Erin Executive' },
  areasInDrift: 2,
  decisionCount: 1,
  actionItemCount: 2,
  openActionItemCount: 1,
  version: 3,
  createdAt: '2026-11-03T09:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
};

const item: ActionItem = {
  id: 'item-1',
  reviewId: summary.id,
  title: 'Hire a Checkout recruiter',
  areaSlug: 'checkout',
  owner: { id: 'u2', email: 'priya.raman@demo.example', name: 'Priya Raman' },
  dueOn: '2026-12-15',
  status: 'open',
  note: null,
  version: 1,
  createdAt: '2026-11-03T10:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
};

const review: Review = {
  ...summary,
  agenda: 'Checkout',
  notes: 'Saved by someone else',
  snapshot: {
    takenAt: '2026-11-03T09:00:00.000Z',
    month: '2026-10',
    rules: { windowMonths: 3, ownershipFallThreshold: 5, centralisationRiseThreshold: 5 },
    organisation: {
      ownershipIndex: 60,
      centralisationIndex: 40,
      ownershipDelta: -2,
      centralisationDelta: 3,
      areasWithFigures: 10,
      areasWithCompleteWindow: 9,
      areasInDrift: 2,
      shareInDrift: 2 / 9,
    },
    areas: [],
    signals: [],
  },
  decisions: [],
  actionItems: [{ ...item, status: 'done', version: 2 }],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startReview', () => {
  it('looks up the month’s review after a 409, so the form can link to it', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(problem(409, 'October 2026 already has a review.'))
      .mockResolvedValueOnce(jsonResponse({ items: [summary], nextCursor: null }));
    vi.stubGlobal('fetch', fetchMock);
    const error = await startReview({ month: '2026-10', heldOn: '2026-11-22' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReviewExistsError);
    expect((error as ReviewExistsError).existing?.id).toBe(summary.id);
    expect((error as ReviewExistsError).refusal.problem.detail).toBe('October 2026 already has a review.');
    expect(fetchMock.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['POST', '/api/v1/reviews'],
      ['GET', '/api/v1/reviews?month=2026-10&limit=1'],
    ]);
  });

  it('passes any other refusal on as it came', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(problem(422, 'No area has figures for 2026-12.')));
    const error = await startReview({ month: '2026-12', heldOn: '2026-11-22' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
  });
});

describe('saveReviewRecord', () => {
  it('sends the version the form opened on as If-Match', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ ...review, version: 4 }));
    vi.stubGlobal('fetch', fetchMock);
    await saveReviewRecord(summary.id, { patch: { agenda: 'Checkout first' }, version: 3 });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect([init?.method, url]).toEqual(['PATCH', `/api/v1/reviews/${summary.id}`]);
    expect(new Headers(init?.headers).get('If-Match')).toBe('"3"');
    expect(init?.body).toBe(JSON.stringify({ agenda: 'Checkout first' }));
  });

  it('reads the review again after a 412 and carries it in the refusal', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(problem(412, 'The review changed since you read it.'))
      .mockResolvedValueOnce(jsonResponse(review));
    vi.stubGlobal('fetch', fetchMock);
    const error = await saveReviewRecord(summary.id, { patch: { agenda: 'Mine' }, version: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReviewChangedError);
    expect((error as ReviewChangedError).latest.notes).toBe('Saved by someone else');
  });
});

describe('changeActionItem', () => {
  it('sends the item’s version as If-Match, and after a 412 carries the item as it is now', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(problem(412, 'The item changed since you read it.'))
      .mockResolvedValueOnce(jsonResponse(review));
    vi.stubGlobal('fetch', fetchMock);
    const error = await changeActionItem(summary.id, { itemId: item.id, patch: { status: 'dropped' }, version: 1 }).catch(
      (caught: unknown) => caught,
    );
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('If-Match')).toBe('"1"');
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/v1/reviews/${summary.id}/action-items/${item.id}`);
    expect(error).toBeInstanceOf(ActionItemChangedError);
    expect((error as ActionItemChangedError).latest?.status).toBe('done');
  });
});
