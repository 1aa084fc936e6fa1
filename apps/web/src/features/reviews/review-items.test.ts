import { describe, expect, it } from 'vitest';
import type { ActionItem, UserAccount } from '@autonomy/contracts';
import {
  actionItemMoves,
  areaNameIn,
  describeActionItemConflict,
  describeActionItemCounts,
  describeOpenItems,
  describeActionItemProgress,
  ownerOptions,
  parseActionItem,
  parseActionItemEdit,
  parseDecision,
  peopleInReview,
  placeActionItemErrors,
  snapshotAreaOptions,
  sortOldestFirst,
} from './review-items.ts';

const areas = [
  { slug: 'search', name: 'Search' },
  { slug: 'checkout', name: 'checkout' },
  { slug: 'billing', name: 'Billing' },
];

describe('sortOldestFirst', () => {
  it('reads as the meeting recorded, ties in a stable order', () => {
    const records = [
      { id: 'b', createdAt: '2026-11-03T10:05:00.000Z' },
      { id: 'c', createdAt: '2026-11-03T10:00:00.000Z' },
      { id: 'a', createdAt: '2026-11-03T10:05:00.000Z' },
    ];
    expect(sortOldestFirst(records).map((record) => record.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('the snapshot’s areas', () => {
  it('are offered by name, whatever their case', () => {
    expect(snapshotAreaOptions(areas).map((area) => area.slug)).toEqual(['billing', 'checkout', 'search']);
  });

  it('name an area as the snapshot knew it, or by slug when it did not', () => {
    expect(areaNameIn(areas, 'billing')).toBe('Billing');
    expect(areaNameIn(areas, 'mobile')).toBe('mobile');
  });
});

describe('parseDecision', () => {
  it('sends the decision trimmed, with its area when one is chosen', () => {
    expect(parseDecision({ text: '  Give Checkout its own recruiter  ', areaSlug: 'checkout' })).toEqual({
      ok: true,
      request: { text: 'Give Checkout its own recruiter', areaSlug: 'checkout' },
    });
    expect(parseDecision({ text: 'Review again in January', areaSlug: '' })).toEqual({
      ok: true,
      request: { text: 'Review again in January' },
    });
  });

  it('asks what was decided', () => {
    expect(parseDecision({ text: '   ', areaSlug: '' })).toEqual({ ok: false, errors: { text: ['Must say what was decided.'] } });
  });
});

describe('parseActionItem', () => {
  const item = { title: 'Hire a Checkout recruiter', ownerEmail: ' Priya.Raman@demo.example ', dueOn: '', areaSlug: '' };

  it('maps the form to the request: owner lower-cased, optional fields left out when blank', () => {
    expect(parseActionItem(item)).toEqual({
      ok: true,
      request: { title: 'Hire a Checkout recruiter', ownerEmail: 'priya.raman@demo.example' },
    });
    expect(parseActionItem({ ...item, dueOn: '2026-12-15', areaSlug: 'checkout' })).toEqual({
      ok: true,
      request: {
        title: 'Hire a Checkout recruiter',
        ownerEmail: 'priya.raman@demo.example',
        dueOn: '2026-12-15',
        areaSlug: 'checkout',
      },
    });
  });

  it('reports every field at once, in plain words', () => {
    expect(parseActionItem({ title: ' ', ownerEmail: '', dueOn: '15/12/2026', areaSlug: '' })).toEqual({
      ok: false,
      errors: {
        title: ['Must say what is to be done.'],
        ownerEmail: ['Choose who owns it.'],
        dueOn: ['Must be a date written YYYY-MM-DD.'],
      },
    });
    expect(parseActionItem({ ...item, ownerEmail: 'priya' })).toEqual({
      ok: false,
      errors: { ownerEmail: ['Must be an email address.'] },
    });
  });
});

describe('placeActionItemErrors', () => {
  it('shows the API’s refusal of an unknown owner beside the owner field', () => {
    expect(placeActionItemErrors([{ path: 'ownerEmail', message: 'nobody@example.com is not an active user' }])).toEqual({
      byField: { ownerEmail: ['nobody@example.com is not an active user.'] },
      general: [],
    });
  });
});

describe('ownerOptions', () => {
  const user = (name: string, email: string, overrides: Partial<UserAccount> = {}): UserAccount => ({
    id: email,
    email,
    name,
    role: 'area_lead',
    active: true,
    areaSlugs: [],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });

  it('offers the active users of any role, by name', () => {
    const users = [
      user('Val Viewer', 'viewer@demo.example', { role: 'viewer' }),
      user('Gone', 'gone@demo.example', { active: false }),
      user('Erin Executive', 'exec@demo.example', { role: 'executive' }),
    ];
    expect(ownerOptions(users)).toEqual([
      { email: 'exec@demo.example', label: 'Erin Executive · exec@demo.example · Executive' },
      { email: 'viewer@demo.example', label: 'Val Viewer · viewer@demo.example · Viewer' },
    ]);
  });
});

describe('actionItemMoves', () => {
  it('finishes or drops open items, and reopens settled ones', () => {
    expect(actionItemMoves('open').map((move) => move.to)).toEqual(['done', 'dropped']);
    expect(actionItemMoves('done')).toEqual([{ to: 'open', label: 'Reopen' }]);
    expect(actionItemMoves('dropped')).toEqual([{ to: 'open', label: 'Reopen' }]);
  });
});

describe('describeActionItemConflict', () => {
  const latest: ActionItem = {
    id: 'item-1',
    reviewId: 'review-1',
    title: 'Hire a Checkout recruiter',
    areaSlug: 'checkout',
    owner: { id: 'u1', email: 'priya.raman@demo.example', name: 'Priya Raman' },
    dueOn: null,
    status: 'done',
    note: null,
    version: 2,
    createdAt: '2026-11-03T10:00:00.000Z',
    updatedAt: '2026-11-04T10:00:00.000Z',
  };

  it('says what the item is now, and hands the choice back', () => {
    expect(describeActionItemConflict(latest)).toBe(
      'Someone changed this item meanwhile: it is now done, owned by Priya Raman. Look again and decide.',
    );
    expect(describeActionItemConflict(null)).toBe('This item is no longer in the review.');
  });
});

describe('describeOpenItems', () => {
  it('says how many of the items are still open, or that none are left or there were none', () => {
    expect(describeOpenItems(2, 3)).toBe('2 of 3 action items still open');
    expect(describeOpenItems(1, 1)).toBe('1 of 1 action item still open');
    expect(describeOpenItems(0, 3)).toBe('all 3 action items settled');
    expect(describeOpenItems(0, 1)).toBe('its action item settled');
    expect(describeOpenItems(0, 0)).toBe('no action items');
  });
});

describe('describeActionItemCounts', () => {
  it('says how many are still open', () => {
    expect(describeActionItemCounts(2, 5)).toBe('2 open of 5 items');
    expect(describeActionItemCounts(0, 3)).toBe('all 3 settled');
    expect(describeActionItemCounts(0, 1)).toBe('1 settled');
    expect(describeActionItemCounts(0, 0)).toBe('none');
  });
});

describe('describeActionItemProgress', () => {
  it('counts the open and overdue items of a pack', () => {
    expect(describeActionItemProgress(3, 1, 1)).toBe('3 items, 1 still open, 1 of them overdue.');
    expect(describeActionItemProgress(1, 0, 0)).toBe('1 item, none still open.');
  });
});

describe('peopleInReview', () => {
  it('names each person the review mentions once, by name', () => {
    const erin = { id: 'u1', email: 'exec@demo.example', name: 'Erin Executive' };
    const priya = { id: 'u2', email: 'priya.raman@demo.example', name: 'Priya Raman' };
    const decision = { id: 'd1', text: 'Keep Checkout’s recruiter', areaSlug: null, createdAt: '2026-11-03T10:00:00.000Z' };
    const item: ActionItem = {
      id: 'i1',
      reviewId: 'r1',
      title: 'Hire',
      areaSlug: null,
      owner: priya,
      dueOn: null,
      status: 'open',
      note: null,
      version: 1,
      createdAt: '2026-11-03T10:00:00.000Z',
      updatedAt: '2026-11-03T10:00:00.000Z',
    };
    expect(
      peopleInReview({
        createdBy: erin,
        decisions: [{ ...decision, createdBy: erin }, { ...decision, id: 'd2', createdBy: null }],
        actionItems: [item, { ...item, id: 'i2', owner: null }],
      }),
    ).toEqual([
      { email: 'exec@demo.example', name: 'Erin Executive' },
      { email: 'priya.raman@demo.example', name: 'Priya Raman' },
    ]);
  });
});

describe('parseActionItemEdit', () => {
  const item: ActionItem = {
    id: 'item-1',
    reviewId: 'review-1',
    title: 'Ask why',
    areaSlug: null,
    owner: { id: 'u1', email: 'sam@example.com', name: 'Sam' },
    dueOn: '2026-12-01',
    status: 'open',
    note: null,
    version: 1,
    createdAt: '2026-11-03T10:00:00.000Z',
    updatedAt: '2026-11-03T10:00:00.000Z',
  };

  it('sends only what differs from the item as shown, and a cleared due date as null', () => {
    expect(parseActionItemEdit(item, { title: 'Ask why', ownerEmail: 'SAM@example.com', dueOn: '2026-12-01' })).toEqual({ kind: 'unchanged' });
    expect(parseActionItemEdit(item, { title: 'Ask Search why', ownerEmail: 'sam@example.com', dueOn: '' })).toEqual({
      kind: 'patch',
      patch: { title: 'Ask Search why', dueOn: null },
    });
    expect(parseActionItemEdit(item, { title: 'Ask why', ownerEmail: 'erin@example.com', dueOn: '2027-01-15' })).toEqual({
      kind: 'patch',
      patch: { ownerEmail: 'erin@example.com', dueOn: '2027-01-15' },
    });
  });

  it('says what is wrong with each field, in plain words', () => {
    expect(parseActionItemEdit(item, { title: ' ', ownerEmail: 'sam@example.com', dueOn: '2026-12-01' })).toEqual({
      kind: 'invalid',
      errors: { title: ['Must say what is to be done.'] },
    });
    expect(parseActionItemEdit(item, { title: 'Ask why', ownerEmail: '', dueOn: '2026-12-01' })).toEqual({
      kind: 'invalid',
      errors: { ownerEmail: ['Choose who owns it.'] },
    });
    expect(parseActionItemEdit(item, { title: 'Ask why', ownerEmail: 'sam', dueOn: '2026-02-30' })).toMatchObject({
      kind: 'invalid',
      errors: { ownerEmail: ['Must be an email address.'], dueOn: ['Must be a date written YYYY-MM-DD.'] },
    });
  });
});
