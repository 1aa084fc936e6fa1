import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_MS } from '../../auth/session-cookie.ts';
import { Harness } from '../../../test/harness.ts';

// The app's clock, moved by the test instead of sleeping.
let clock = new Date('2026-01-05T09:00:00Z');
let harness: Harness;

beforeAll(async () => {
  harness = await Harness.start({ now: () => clock });
});
afterAll(() => harness.stop());

describe('session expiry', () => {
  it('accepts a session until it expires, then answers 401 and asks to sign in again', async () => {
    const executive = await harness.user('executive');
    clock = new Date(clock.getTime() + SESSION_LIFETIME_MS - 60_000);
    expect((await harness.request('/api/v1/auth/me', { as: executive })).status).toBe(200);
    clock = new Date(clock.getTime() + 120_000);
    const expired = await harness.request('/api/v1/auth/me', { as: executive });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired/);
  });
});
