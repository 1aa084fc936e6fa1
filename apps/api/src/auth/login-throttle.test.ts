import { describe, expect, it } from 'vitest';
import { createLoginThrottle, defaultLoginThrottleLimits, type LoginKeys } from './login-throttle.ts';

const MINUTE = 60_000;
const start = Date.parse('2024-05-01T09:00:00Z');
const at = (ms: number) => new Date(start + ms);
const alice: LoginKeys = { email: 'alice@example.com', address: '10.0.0.1' };

/** Fails `count` times, one second apart from `fromMs`; returns the time after the last one. */
function fail(throttle: ReturnType<typeof createLoginThrottle>, keys: LoginKeys, count: number, fromMs = 0): number {
  for (let i = 0; i < count; i += 1) expect(throttle.begin(keys, at(fromMs + i * 1000)).allowed).toBe(true);
  return fromMs + count * 1000;
}

describe('login throttle', () => {
  it('refuses the sixth attempt on an account until the first failure leaves the 15-minute window', () => {
    const throttle = createLoginThrottle();
    const after = fail(throttle, alice, 5);
    expect(throttle.begin(alice, at(after))).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 5 });
    // A different address does not help: the account itself is locked.
    expect(throttle.begin({ ...alice, address: '10.0.0.2' }, at(after)).allowed).toBe(false);
    expect(throttle.begin(alice, at(15 * MINUTE - 1)).allowed).toBe(false);
    expect(throttle.begin(alice, at(15 * MINUTE)).allowed).toBe(true);
    // The window slides: the second failure still counts, so one more is refused straight away.
    expect(throttle.begin(alice, at(15 * MINUTE + 1)).allowed).toBe(false);
  });

  it('does not count refused attempts, so waiting out the window is enough', () => {
    const throttle = createLoginThrottle();
    fail(throttle, alice, 5);
    for (let i = 0; i < 50; i += 1) expect(throttle.begin(alice, at(MINUTE + i)).allowed).toBe(false);
    expect(throttle.begin(alice, at(15 * MINUTE + 4000)).allowed).toBe(true);
  });

  it('refuses an address after 20 failures spread over many accounts', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 20; i += 1) expect(throttle.begin({ email: `user${i}@example.com`, address: '10.0.0.9' }, at(i)).allowed).toBe(true);
    const refused = throttle.begin({ email: 'fresh@example.com', address: '10.0.0.9' }, at(MINUTE));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(throttle.begin({ email: 'fresh@example.com', address: '10.0.0.10' }, at(MINUTE)).allowed).toBe(true);
  });

  it("resets the account's count on success but only takes back the address's successful attempt", () => {
    const throttle = createLoginThrottle();
    fail(throttle, alice, 4);
    const attempt = throttle.begin(alice, at(10_000));
    if (!attempt.allowed) throw new Error('the fifth attempt should be allowed');
    throttle.succeeded(alice, attempt.startedAt);
    expect(fail(throttle, alice, 5, 20_000)).toBe(25_000);
    expect(throttle.begin(alice, at(25_000)).allowed).toBe(false);

    // 4 + 5 failures stay on the address; 11 more from another account reach its 20.
    const bob = { email: 'bob@example.com', address: alice.address };
    fail(throttle, bob, 4, 30_000);
    fail(throttle, { ...bob, email: 'carol@example.com' }, 4, 40_000);
    fail(throttle, { ...bob, email: 'dave@example.com' }, 3, 50_000);
    expect(throttle.begin({ ...bob, email: 'erin@example.com' }, at(60_000)).allowed).toBe(false);
  });

  it('forgets the least recently failed keys beyond its memory bound', () => {
    const throttle = createLoginThrottle({ ...defaultLoginThrottleLimits, failuresPerAddress: 1000, maxTrackedKeys: 3 });
    fail(throttle, alice, 5);
    for (let i = 0; i < 3; i += 1) throttle.begin({ email: `spray${i}@example.com`, address: `10.1.0.${i}` }, at(10_000 + i));
    expect(throttle.begin(alice, at(20_000)).allowed).toBe(true);
  });
});
