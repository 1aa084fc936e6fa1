import { describe, expect, it } from 'vitest';
import { keepMyChanges } from '../../lib/conflict.ts';
import { userAccountFixture } from '../../test-support/fixtures.ts';
import {
  buildAccountPatch,
  describeAccountChanges,
  describeDeactivation,
  diffAccountValues,
  EMPTY_NEW_USER,
  parseNewUser,
  parsePasswordReset,
  placeUserErrors,
} from './user-form.ts';

describe('parseNewUser', () => {
  it('gives the API’s body: email trimmed and lower-cased, name trimmed', () => {
    const parsed = parseNewUser({ email: ' Vera@Example.com ', name: ' Vera Viewer ', role: 'viewer', password: 'long-enough-1' });
    expect(parsed).toEqual({
      ok: true,
      user: { email: 'vera@example.com', name: 'Vera Viewer', role: 'viewer', password: 'long-enough-1' },
    });
  });

  it('names every field that needs a change, in plain words', () => {
    const parsed = parseNewUser({ ...EMPTY_NEW_USER, email: 'not-an-email', password: 'short' });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        email: ['Must be an email address.'],
        name: ['Must not be empty.'],
        password: ['Must be at least 10 characters.'],
      },
    });
  });

  it('starts a new account as a viewer, the role that can change nothing', () => {
    expect(EMPTY_NEW_USER.role).toBe('viewer');
  });
});

describe('buildAccountPatch', () => {
  const opened = { name: 'Vera Viewer', role: 'viewer' as const };

  it('sends only what changed, so another admin’s change is never written back', () => {
    expect(buildAccountPatch(opened, { ...opened, role: 'executive' })).toEqual({ kind: 'patch', patch: { role: 'executive' } });
    expect(buildAccountPatch(opened, { name: ' Vera V. ', role: 'viewer' })).toEqual({ kind: 'patch', patch: { name: 'Vera V.' } });
  });

  it('has nothing to send when only spaces around the name changed', () => {
    expect(buildAccountPatch(opened, { ...opened, name: ' Vera Viewer ' })).toEqual({ kind: 'unchanged' });
  });

  it('refuses an empty name beside the field', () => {
    expect(buildAccountPatch(opened, { ...opened, name: '  ' })).toEqual({ kind: 'invalid', errors: { name: ['Must not be empty.'] } });
  });
});

describe('the form after another admin’s change', () => {
  it('keeps what I typed and takes their value for what I left alone', () => {
    const opened = { name: 'Vera Viewer', role: 'viewer' as const };
    const mine = { name: 'Vera Vance', role: 'viewer' as const };
    const theirs = { name: 'Vera Viewer', role: 'executive' as const };
    expect(keepMyChanges(diffAccountValues, opened, mine, theirs)).toEqual({ name: 'Vera Vance', role: 'executive' });
  });
});

describe('parsePasswordReset', () => {
  it('sends the password alone, or says why not', () => {
    expect(parsePasswordReset('a-new-password')).toEqual({ ok: true, patch: { password: 'a-new-password' } });
    expect(parsePasswordReset('short')).toEqual({ ok: false, errors: ['Must be at least 10 characters.'] });
  });
});

describe('placeUserErrors', () => {
  it('puts each error beside the field its path names, and the rest in a list', () => {
    const placed = placeUserErrors(
      [
        { path: 'email', message: 'must be an email address' },
        { path: 'body.password', message: 'must be at least 10 characters' },
        { path: '', message: 'unknown field(s): team' },
      ],
      ['email', 'name', 'role', 'password'] as const,
    );
    expect(placed).toEqual({
      byField: { email: ['Must be an email address.'], password: ['Must be at least 10 characters.'] },
      general: ['unknown field(s): team'],
    });
  });
});

describe('describeAccountChanges', () => {
  const opened = userAccountFixture({ name: 'Vera Viewer', role: 'viewer', active: true, version: 3 });

  it('says what another admin changed, in words', () => {
    const latest = { ...opened, name: 'Vera Vance', role: 'executive' as const, active: false, version: 4 };
    expect(describeAccountChanges(opened, latest)).toEqual([
      'Name: Vera Viewer → Vera Vance',
      'Role: Viewer → Executive',
      'Status: Active → Deactivated',
    ]);
  });

  it('still explains a change it cannot show, such as a password reset', () => {
    expect(describeAccountChanges(opened, { ...opened, version: 4 })).toEqual([
      'Its password was reset, or something this page does not show changed.',
    ]);
  });
});

describe('describeDeactivation', () => {
  it('warns that sessions end and API tokens are revoked', () => {
    const warning = describeDeactivation({ name: 'Vera Viewer' });
    expect(warning).toMatch(/signed out everywhere/);
    expect(warning).toMatch(/API token/);
  });
});
