import { describe, expect, it } from 'vitest';
import type { ApiToken } from '@autonomy/contracts';
import { describeLastUse, describeTokenStatus, orderTokensForList, parseTokenName, placeTokenErrors } from './token-form.ts';

function token(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 'token-1',
    name: 'CRM sync',
    createdAt: '2026-03-02T09:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

describe('parseTokenName', () => {
  it('takes a name, trimmed as the API stores it', () => {
    expect(parseTokenName('  CRM sync ')).toEqual({ ok: true, name: 'CRM sync' });
  });

  it('asks for a name rather than let every token be called "API token"', () => {
    const parsed = parseTokenName('   ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^Name the token/);
  });

  it('says the contract’s length limit in plain words', () => {
    expect(parseTokenName('x'.repeat(101))).toEqual({ ok: false, errors: ['Must be at most 100 characters.'] });
    expect(parseTokenName('x'.repeat(100)).ok).toBe(true);
  });
});

describe('placeTokenErrors', () => {
  it('puts the name’s error beside the name and the rest under the form', () => {
    expect(
      placeTokenErrors([
        { path: 'name', message: 'must not contain the NUL character' },
        { path: '', message: 'unknown field(s): scope' },
      ]),
    ).toEqual({ name: ['Must not contain the NUL character.'], general: ['unknown field(s): scope'] });
  });
});

describe('the token list', () => {
  it('shows working tokens first, keeping the API’s newest-first order within each group', () => {
    const tokens = [
      token({ id: 'a', revokedAt: '2026-03-05T10:00:00.000Z' }),
      token({ id: 'b' }),
      token({ id: 'c', revokedAt: '2026-03-04T10:00:00.000Z' }),
      token({ id: 'd' }),
    ];
    expect(orderTokensForList(tokens).map((listed) => listed.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('says when a token was last used, or that it never was', () => {
    expect(describeLastUse(token())).toBe('Never used');
    expect(describeLastUse(token({ lastUsedAt: '2026-03-03T14:05:00.000Z' }), 'UTC')).toBe('3 Mar 2026, 14:05');
  });

  it('says whether a token works, and since when it does not', () => {
    expect(describeTokenStatus(token())).toBe('Active');
    expect(describeTokenStatus(token({ revokedAt: '2026-03-04T08:30:00.000Z' }), 'UTC')).toBe('Revoked 4 Mar 2026, 08:30');
  });
});
