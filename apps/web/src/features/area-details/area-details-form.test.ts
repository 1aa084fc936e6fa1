import { describe, expect, it } from 'vitest';
import { conflictRows, keepMyChanges } from '../../lib/conflict.ts';
import { areaFixture, userAccountFixture } from '../../test-support/fixtures.ts';
import {
  AREA_CONFLICT_FIELDS,
  buildAreaPatch,
  canAdministerArea,
  canEditAreaDetails,
  describeLeads,
  diffAreaDetails,
  editableAreaDetails,
  leadOptions,
  pickAreaDetails,
  placeAreaErrors,
  toggleLead,
  type AreaDetails,
} from './area-details-form.ts';

const PRIYA = 'priya.raman@demo.example';
const MARCUS = 'marcus.chen@demo.example';

const opened = pickAreaDetails(areaFixture());
const asAdmin = editableAreaDetails(true);
const asLead = editableAreaDetails(false);

describe('who may edit an area', () => {
  it('lets admins and the area’s own leads edit it, and nobody else', () => {
    expect(canEditAreaDetails({ role: 'admin', areaSlugs: [] }, 'checkout')).toBe(true);
    expect(canEditAreaDetails({ role: 'area_lead', areaSlugs: ['checkout'] }, 'checkout')).toBe(true);
    expect(canEditAreaDetails({ role: 'area_lead', areaSlugs: ['payments'] }, 'checkout')).toBe(false);
    expect(canEditAreaDetails({ role: 'executive', areaSlugs: [] }, 'checkout')).toBe(false);
    expect(canEditAreaDetails({ role: 'viewer', areaSlugs: ['checkout'] }, 'checkout')).toBe(false);
  });

  it('leaves leads and status to admins', () => {
    expect(canAdministerArea('admin')).toBe(true);
    expect(canAdministerArea('area_lead')).toBe(false);
    expect(asAdmin).toEqual(['name', 'description', 'leadEmails', 'status']);
    expect(asLead).toEqual(['name', 'description']);
  });
});

describe('describeLeads', () => {
  it('names every lead, or says there is none', () => {
    expect(describeLeads([PRIYA, MARCUS])).toBe(`Leads: ${PRIYA}, ${MARCUS}`);
    expect(describeLeads([PRIYA])).toBe(`Lead: ${PRIYA}`);
    expect(describeLeads([])).toBe('No lead assigned');
  });
});

describe('buildAreaPatch', () => {
  it('sends only what changed, trimmed as the contract stores it', () => {
    const values: AreaDetails = { ...opened, description: '  Basket and payment page.  ' };
    expect(buildAreaPatch(opened, values, asLead)).toEqual({ kind: 'patch', patch: { description: 'Basket and payment page.' } });
  });

  it('sends the whole set of leads, and the status, for an admin', () => {
    const values: AreaDetails = { ...opened, leadEmails: toggleLead(opened.leadEmails, MARCUS, true), status: 'archived' };
    expect(buildAreaPatch(opened, values, asAdmin)).toEqual({
      kind: 'patch',
      patch: { leadEmails: [MARCUS, PRIYA], status: 'archived' },
    });
  });

  it('never sends the admin-only fields for a lead', () => {
    const values: AreaDetails = { ...opened, name: 'Checkout & Basket', status: 'archived' };
    expect(buildAreaPatch(opened, values, asLead)).toEqual({ kind: 'patch', patch: { name: 'Checkout & Basket' } });
  });

  it('has nothing to send when only spaces around the text changed', () => {
    expect(buildAreaPatch(opened, { ...opened, name: ` ${opened.name} ` }, asAdmin)).toEqual({ kind: 'unchanged' });
    expect(buildAreaPatch(opened, { ...opened, status: 'archived' }, asLead)).toEqual({ kind: 'unchanged' });
  });

  it('applies the contract’s rules, in plain words beside the field', () => {
    expect(buildAreaPatch(opened, { ...opened, name: '   ', description: 'x'.repeat(2001) }, asLead)).toEqual({
      kind: 'invalid',
      errors: { name: ['Must not be empty.'], description: ['Must be at most 2,000 characters.'] },
    });
    const elevenLeads = Array.from({ length: 11 }, (_, index) => `lead${String(index).padStart(2, '0')}@example.com`);
    expect(buildAreaPatch(opened, { ...opened, leadEmails: elevenLeads }, asAdmin)).toEqual({
      kind: 'invalid',
      errors: { leadEmails: ['Must name at most 10 leads.'] },
    });
  });
});

describe('toggleLead', () => {
  it('adds and removes one lead, keeping the list in email order', () => {
    expect(toggleLead([PRIYA], MARCUS, true)).toEqual([MARCUS, PRIYA]);
    expect(toggleLead([MARCUS, PRIYA], PRIYA, false)).toEqual([MARCUS]);
    expect(toggleLead([PRIYA], PRIYA, true)).toEqual([PRIYA]);
  });
});

describe('diffAreaDetails', () => {
  it('compares leads as a set, whatever their order', () => {
    const a: AreaDetails = { ...opened, leadEmails: [PRIYA, MARCUS] };
    const b: AreaDetails = { ...opened, leadEmails: [MARCUS, PRIYA] };
    expect(diffAreaDetails(a, b)).toEqual([]);
    expect(diffAreaDetails(a, { ...b, leadEmails: [MARCUS] })).toEqual(['leadEmails']);
  });
});

describe('placeAreaErrors', () => {
  it('puts each 422 error beside the field its path names, lead by lead under Leads', () => {
    expect(
      placeAreaErrors([
        { path: 'leadEmails.1', message: 'viewer@example.com is a viewer; a lead needs the area_lead role' },
        { path: '/name', message: 'must not be empty' },
        { path: 'leadEmail', message: 'there is no user x@example.com' },
      ]).byField,
    ).toEqual({
      leadEmails: ['viewer@example.com is a viewer; a lead needs the area_lead role.', 'There is no user x@example.com.'],
      name: ['Must not be empty.'],
    });
  });

  it('lists errors about no field under the form', () => {
    expect(placeAreaErrors([{ path: '', message: 'must change at least one field' }, { path: 'slug', message: 'bad' }])).toEqual({
      byField: {},
      general: ['must change at least one field', 'slug: bad'],
    });
  });
});

describe('a conflict', () => {
  const theirs: AreaDetails = { ...opened, name: 'Checkout and Basket', leadEmails: [MARCUS, PRIYA] };
  const mine: AreaDetails = { ...opened, description: 'Everything between the basket and the receipt.' };

  it('sets their saved value beside mine for each field that differs, saying which I changed', () => {
    expect(conflictRows(AREA_CONFLICT_FIELDS, opened, mine, theirs)).toEqual([
      { key: 'name', label: 'Name', theirs: 'Checkout and Basket', mine: 'Checkout', changedByMe: false },
      {
        key: 'description',
        label: 'Description',
        theirs: 'Basket, payment page and order confirmation.',
        mine: 'Everything between the basket and the receipt.',
        changedByMe: true,
      },
      { key: 'leadEmails', label: 'Leads', theirs: `${MARCUS}, ${PRIYA}`, mine: PRIYA, changedByMe: false },
    ]);
  });

  it('says an empty description and no leads in words', () => {
    const emptied: AreaDetails = { ...opened, description: '', leadEmails: [], status: 'archived' };
    expect(conflictRows(AREA_CONFLICT_FIELDS, opened, emptied, opened).map(({ mine: value }) => value)).toEqual([
      '(no description)',
      'no lead',
      'Archived',
    ]);
  });

  it('"Keep mine" lays my changes over theirs and keeps theirs where I changed nothing', () => {
    expect(keepMyChanges(diffAreaDetails, opened, mine, theirs)).toEqual({ ...theirs, description: mine.description });
    expect(keepMyChanges(diffAreaDetails, opened, opened, theirs)).toEqual(theirs);
  });

  it('then sends only my change against their version', () => {
    const merged = keepMyChanges(diffAreaDetails, opened, mine, theirs);
    expect(buildAreaPatch(theirs, merged, asLead)).toEqual({ kind: 'patch', patch: { description: mine.description } });
  });
});

describe('leadOptions', () => {
  const users = [
    userAccountFixture(),
    userAccountFixture({ id: 'u-marcus', email: MARCUS, name: 'Marcus Chen', areaSlugs: [] }),
    userAccountFixture({ id: 'u-admin', email: 'admin@example.com', name: 'Administrator', role: 'admin', areaSlugs: [] }),
    userAccountFixture({ id: 'u-erin', email: 'exec@demo.example', name: 'Erin Executive', role: 'executive', areaSlugs: [] }),
    userAccountFixture({ id: 'u-gone', email: 'gone@example.com', name: 'Gus Gone', active: false, areaSlugs: [] }),
  ];

  it('offers active area leads and admins, by name', () => {
    expect(leadOptions(users, [])).toEqual([
      { email: 'admin@example.com', name: 'Administrator', detail: 'admin@example.com · Admin', eligible: true },
      { email: MARCUS, name: 'Marcus Chen', detail: `${MARCUS} · Area lead`, eligible: true },
      { email: PRIYA, name: 'Priya Raman', detail: `${PRIYA} · Area lead`, eligible: true },
    ]);
  });

  it('keeps a current lead who could not be named today, so the admin can untick them', () => {
    const options = leadOptions(users, ['gone@example.com', 'left@example.com']);
    expect(options.find((option) => option.email === 'gone@example.com')).toEqual({
      email: 'gone@example.com',
      name: 'Gus Gone',
      detail: 'gone@example.com · Area lead, deactivated',
      eligible: false,
    });
    expect(options.find((option) => option.email === 'left@example.com')).toMatchObject({ eligible: false, detail: 'not a user any more' });
  });
});
