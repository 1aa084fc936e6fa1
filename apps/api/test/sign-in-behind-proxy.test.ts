import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createLoginThrottle, defaultLoginThrottleLimits } from '../src/auth/login-throttle.ts';
import type { App } from '../src/context.ts';
import { Harness, type TestUser } from './harness.ts';

/**
 * The sign-in throttle counts failures per client address. Which address that is depends on
 * TRUST_PROXY: by default the socket's, whatever X-Forwarded-For says; behind a trusted proxy,
 * the one the proxy wrote into X-Forwarded-For. (app.request has no socket: its address is "unknown".)
 */

const FAILURES_PER_ADDRESS = 3;

let harness: Harness;
let viewer: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
  viewer = await harness.user('viewer', { email: 'viewer@example.com' });
});
afterAll(() => harness.stop());

/** An app on the suite's database with a fresh throttle that refuses an address after 3 failures. */
function appTrusting(trustedProxies: number): App {
  const loginThrottle = createLoginThrottle({ ...defaultLoginThrottleLimits, failuresPerAddress: FAILURES_PER_ADDRESS });
  return createApp({ database: harness.database, trustedProxies, loginThrottle });
}

async function signIn(app: App, email: string, password: string, forwardedFor: string): Promise<number> {
  const response = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
  return response.status;
}

describe('sign-in throttling per address', () => {
  it('ignores X-Forwarded-For by default, so forging a new address each time does not dodge it', async () => {
    const app = appTrusting(0);
    for (let i = 1; i <= FAILURES_PER_ADDRESS; i += 1) {
      expect(await signIn(app, `guess${i}@example.com`, 'wrong-password', `203.0.113.${i}`)).toBe(401);
    }
    expect(await signIn(app, 'guess9@example.com', 'wrong-password', '203.0.113.99')).toBe(429);
    expect(await signIn(app, viewer.email, viewer.password, '198.51.100.200')).toBe(429);
  });

  it('keys on the address the trusted proxy forwarded, not on what the client wrote before it', async () => {
    const app = appTrusting(1);
    for (let i = 1; i <= FAILURES_PER_ADDRESS; i += 1) {
      // The client forges a new leading entry each time; the proxy appends the real address.
      expect(await signIn(app, `guess${i}@example.com`, 'wrong-password', `203.0.113.${i}, 198.51.100.7`)).toBe(401);
    }
    expect(await signIn(app, 'guess9@example.com', 'wrong-password', '203.0.113.99, 198.51.100.7')).toBe(429);
    // Another client behind the same proxy is not held back by the first one's failures.
    expect(await signIn(app, viewer.email, viewer.password, '198.51.100.8')).toBe(200);
  });

  it('counts the entry N proxies from the right behind N trusted proxies', async () => {
    const app = appTrusting(2);
    for (let i = 1; i <= FAILURES_PER_ADDRESS; i += 1) {
      expect(await signIn(app, `guess${i}@example.com`, 'wrong-password', `198.51.100.7, 10.0.0.${i}`)).toBe(401);
    }
    expect(await signIn(app, 'guess9@example.com', 'wrong-password', '198.51.100.7, 10.0.0.9')).toBe(429);
    expect(await signIn(app, viewer.email, viewer.password, '198.51.100.8, 10.0.0.1')).toBe(200);
  });

  it('falls back to the socket address when a trusted proxy sent no usable header', async () => {
    const app = appTrusting(1);
    for (let i = 1; i <= FAILURES_PER_ADDRESS; i += 1) {
      expect(await signIn(app, `guess${i}@example.com`, 'wrong-password', `not-an-address-${i}`)).toBe(401);
    }
    // Every malformed header counted against the one socket address.
    expect(await signIn(app, viewer.email, viewer.password, 'still-not-an-address')).toBe(429);
    expect(await signIn(app, viewer.email, viewer.password, '198.51.100.8')).toBe(200);
  });
});
