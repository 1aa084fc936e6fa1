import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { createLoginThrottle, type LoginThrottle } from '../../auth/login-throttle.ts';

// The clock the app reads; tests move it instead of sleeping.
let clock = Date.parse('2024-05-01T09:00:00Z');
let throttle: LoginThrottle;
let harness: Harness;
let viewer: TestUser;

beforeAll(async () => {
  // The app reaches the throttle through this object, so each test can swap in a fresh one.
  const throttleOfThisTest: LoginThrottle = {
    begin: (keys, now) => throttle.begin(keys, now),
    succeeded: (keys, startedAt) => throttle.succeeded(keys, startedAt),
  };
  harness = await Harness.start({ now: () => new Date(clock), loginThrottle: throttleOfThisTest });
});
afterAll(() => harness.stop());
beforeEach(async () => {
  clock = Date.parse('2024-05-01T09:00:00Z');
  throttle = createLoginThrottle();
  await harness.reset();
  viewer = await harness.user('viewer', { email: 'viewer@example.com' });
});

const signIn = (email: string, password: string) => harness.json('/api/v1/auth/login', 'POST', { email, password });
const minutes = (count: number) => count * 60_000;

describe('sign-in throttling', () => {
  it('refuses an account after 5 failures in 15 minutes, even with the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn(viewer.email, 'wrong-password')).status).toBe(401);
      clock += minutes(1);
    }
    const refused = await signIn('VIEWER@example.com', viewer.password);
    expect(refused.status).toBe(429);
    // The first failure, 5 minutes ago, leaves the window in 10.
    expect(refused.headers.get('retry-after')).toBe(String(10 * 60));
    const problem = await problemOf(refused);
    expect(problem).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect(problem.detail).toMatch(/try again in 10 minutes/);
    expect(refused.headers.get('set-cookie')).toBeNull();

    clock += minutes(10) - 1;
    expect((await signIn(viewer.email, viewer.password)).status).toBe(429);
    clock += 1;
    expect((await signIn(viewer.email, viewer.password)).status).toBe(200);
  });

  it('resets the account after a successful sign-in', async () => {
    for (let i = 0; i < 4; i += 1) expect((await signIn(viewer.email, 'wrong-password')).status).toBe(401);
    expect((await signIn(viewer.email, viewer.password)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await signIn(viewer.email, 'wrong-password')).status).toBe(401);
    expect((await signIn(viewer.email, viewer.password)).status).toBe(200);
  });

  it('throttles unknown emails the same way, so a 429 does not reveal whether an account exists', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn('nobody@example.com', 'whatever-123')).status).toBe(401);
    expect((await signIn('nobody@example.com', 'whatever-123')).status).toBe(429);
    expect((await signIn(viewer.email, viewer.password)).status).toBe(200);
  });

  it('refuses an address after 20 failures across accounts, whoever signs in from it next', async () => {
    for (let i = 0; i < 20; i += 1) expect((await signIn(`guess${i % 5}-${i}@example.com`, 'wrong-password')).status).toBe(401);
    const refused = await signIn(viewer.email, viewer.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(15 * 60);
    clock += minutes(15);
    expect((await signIn(viewer.email, viewer.password)).status).toBe(200);
  });

  it('does not count bodies that fail validation', async () => {
    for (let i = 0; i < 10; i += 1) expect((await harness.json('/api/v1/auth/login', 'POST', { email: viewer.email })).status).toBe(422);
    expect((await signIn(viewer.email, viewer.password)).status).toBe(200);
  });

  it('documents the 429 in the OpenAPI entry of sign-in', async () => {
    const doc = (await (await harness.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths['/api/v1/auth/login']?.post?.responses ?? {})).toContain('429');
  });
});
