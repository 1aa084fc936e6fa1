import type { ActionItem, AuditList, Review, ReviewDecision } from '@autonomy/contracts';
import { expect } from 'vitest';
import { type Harness, type TestUser } from './harness.ts';
import { workedExampleCsv } from './worked-example.ts';

/** Helpers for the review route tests: the worked example's figures and reviews made through the API. */
export class ReviewFixtures {
  constructor(private readonly harness: Harness) {}

  /** The worked example: five areas, 2024-03 to 2024-12, Search and Data Platform drifting from the autumn. */
  async importWorkedExample(as: TestUser): Promise<void> {
    await this.harness.importCsv(workedExampleCsv, as);
  }

  start(body: unknown, as: TestUser): Promise<Response> {
    return this.harness.json('/api/v1/reviews', 'POST', body, as);
  }

  async started(month: string, as: TestUser, extra: Record<string, unknown> = {}): Promise<Review> {
    const response = await this.start({ month, heldOn: `${month}-28`, ...extra }, as);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Review;
  }

  async read(id: string, as: TestUser): Promise<{ review: Review; etag: string | null }> {
    const response = await this.harness.request(`/api/v1/reviews/${id}`, { as });
    expect(response.status).toBe(200);
    return { review: (await response.json()) as Review, etag: response.headers.get('etag') };
  }

  async decided(reviewId: string, body: Record<string, unknown>, as: TestUser): Promise<ReviewDecision> {
    const response = await this.harness.json(`/api/v1/reviews/${reviewId}/decisions`, 'POST', body, as);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as ReviewDecision;
  }

  async itemAdded(reviewId: string, body: Record<string, unknown>, as: TestUser): Promise<ActionItem> {
    const response = await this.harness.json(`/api/v1/reviews/${reviewId}/action-items`, 'POST', body, as);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as ActionItem;
  }

  async latestAudit(as: TestUser, query = ''): Promise<AuditList['items']> {
    const response = await this.harness.request(`/api/v1/audit?limit=20${query}`, { as });
    expect(response.status).toBe(200);
    return ((await response.json()) as AuditList).items;
  }
}
