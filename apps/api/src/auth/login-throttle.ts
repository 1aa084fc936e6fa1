/**
 * Sign-in throttling: a sliding window of failed attempts per account (email) and per client
 * address, kept in memory. One process serves the dashboard, so memory is enough; a restart
 * forgets the counts, which costs an attacker nothing they could not get by waiting.
 */
import { ApiError } from '../errors/problem.ts';

/** The 429 of a throttled password check: when to try again, in words and in Retry-After. */
export function throttledRefusal(retryAfterSeconds: number, what: string): ApiError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new ApiError('too_many_requests', `Too many ${what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });
}

export interface LoginThrottle {
  /**
   * Starts an attempt. When allowed, the attempt is counted as failed straight away (and taken
   * back by `succeeded`), so guesses sent in parallel cannot all slip in while their passwords
   * are being checked. When refused, nothing is counted and the caller waits `retryAfterSeconds`.
   */
  begin(keys: LoginKeys, now: Date): { allowed: true; startedAt: number } | { allowed: false; retryAfterSeconds: number };
  /** The password was right: the account starts afresh; the address keeps its other failures. */
  succeeded(keys: LoginKeys, startedAt: number): void;
}

export interface LoginKeys {
  email: string;
  address: string;
}

export interface LoginThrottleLimits {
  failuresPerAccount: number;
  failuresPerAddress: number;
  windowMs: number;
  /** Keys remembered at most, so a flood of made-up emails cannot exhaust memory. */
  maxTrackedKeys: number;
}

export const defaultLoginThrottleLimits: LoginThrottleLimits = {
  failuresPerAccount: 5,
  failuresPerAddress: 20,
  windowMs: 15 * 60 * 1000,
  maxTrackedKeys: 100_000,
};

export function createLoginThrottle(limits: LoginThrottleLimits = defaultLoginThrottleLimits): LoginThrottle {
  const accounts = new SlidingWindow(limits.failuresPerAccount, limits.windowMs, limits.maxTrackedKeys);
  const addresses = new SlidingWindow(limits.failuresPerAddress, limits.windowMs, limits.maxTrackedKeys);
  return {
    begin(keys, now) {
      const at = now.getTime();
      const waitMs = Math.max(accounts.waitMs(keys.email, at), addresses.waitMs(keys.address, at));
      if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      accounts.record(keys.email, at);
      addresses.record(keys.address, at);
      return { allowed: true, startedAt: at };
    },
    succeeded(keys, startedAt) {
      accounts.forget(keys.email);
      // Only this attempt is taken back: clearing the address would let someone holding one
      // valid account reset the limit between rounds of guessing at other accounts.
      addresses.remove(keys.address, startedAt);
    },
  };
}

/** The times of the latest failures per key, at most `limit` of them, oldest first. */
class SlidingWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** How long until the key may try again: 0 unless `limit` failures fall within the window. */
  waitMs(key: string, at: number): number {
    const times = this.failures.get(key) ?? [];
    if (times.length < this.limit) return 0;
    const oldestCounted = times[times.length - this.limit] ?? at;
    return Math.max(0, oldestCounted + this.windowMs - at);
  }

  record(key: string, at: number): void {
    const times = (this.failures.get(key) ?? []).filter((time) => time > at - this.windowMs);
    times.push(at);
    this.failures.delete(key); // re-inserted last, so the Map's order is least recently failed first
    this.failures.set(key, times.slice(-this.limit));
    if (this.failures.size > this.maxKeys) this.evictLeastRecent();
  }

  remove(key: string, at: number): void {
    const times = this.failures.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Keys leave in the Map's order, least recently failed first: expired ones before live ones. */
  private evictLeastRecent(): void {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) return;
      this.failures.delete(key);
    }
  }
}
