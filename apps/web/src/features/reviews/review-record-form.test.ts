import { describe, expect, it } from 'vitest';
import { conflictRows, keepMyChanges } from '../../lib/conflict.ts';
import {
  buildReviewPatch,
  diffReviewRecord,
  placeReviewRecordErrors,
  REVIEW_RECORD_CONFLICT_FIELDS,
  type ReviewRecord,
} from './review-record-form.ts';

const opened: ReviewRecord = { heldOn: '2026-11-03', agenda: '1. Checkout', notes: '' };

describe('buildReviewPatch', () => {
  it('sends only what changed since the form opened', () => {
    expect(buildReviewPatch(opened, { ...opened, agenda: '1. Checkout\n2. Hiring' })).toEqual({
      kind: 'patch',
      patch: { agenda: '1. Checkout\n2. Hiring' },
    });
    expect(buildReviewPatch(opened, { ...opened, heldOn: ' 2026-11-04 ', notes: 'Erin chaired.' })).toEqual({
      kind: 'patch',
      patch: { heldOn: '2026-11-04', notes: 'Erin chaired.' },
    });
  });

  it('sends nothing when nothing changed, and lets text be emptied', () => {
    expect(buildReviewPatch(opened, { ...opened })).toEqual({ kind: 'unchanged' });
    expect(buildReviewPatch(opened, { ...opened, agenda: '' })).toEqual({ kind: 'patch', patch: { agenda: '' } });
  });

  it('refuses a blank or impossible day beside the field', () => {
    expect(buildReviewPatch(opened, { ...opened, heldOn: '' })).toEqual({
      kind: 'invalid',
      errors: { heldOn: ['Enter the day the meeting was held.'] },
    });
    expect(buildReviewPatch(opened, { ...opened, heldOn: '2026-13-01' })).toEqual({
      kind: 'invalid',
      errors: { heldOn: ['Must be a date written YYYY-MM-DD.'] },
    });
  });

  it('keeps notes to the contract’s 50,000 characters', () => {
    expect(buildReviewPatch(opened, { ...opened, notes: 'x'.repeat(50_001) })).toEqual({
      kind: 'invalid',
      errors: { notes: ['Must be at most 50,000 characters.'] },
    });
  });
});

describe('a conflict over the record', () => {
  const theirs: ReviewRecord = { ...opened, notes: 'Priya joined late.' };
  const mine: ReviewRecord = { ...opened, agenda: '1. Checkout\n2. Hiring' };

  it('shows where their saved record and mine differ, and which of those I changed', () => {
    expect(conflictRows(REVIEW_RECORD_CONFLICT_FIELDS, opened, mine, theirs)).toEqual([
      { key: 'agenda', label: 'Agenda', theirs: '1. Checkout', mine: '1. Checkout\n2. Hiring', changedByMe: true },
      { key: 'notes', label: 'Notes', theirs: 'Priya joined late.', mine: '(empty)', changedByMe: false },
    ]);
  });

  it('“Keep mine” lays my change over theirs without undoing their notes', () => {
    expect(keepMyChanges(diffReviewRecord, opened, mine, theirs)).toEqual({
      heldOn: '2026-11-03',
      agenda: '1. Checkout\n2. Hiring',
      notes: 'Priya joined late.',
    });
  });

  it('reads days as people do', () => {
    expect(conflictRows(REVIEW_RECORD_CONFLICT_FIELDS, opened, { ...opened, heldOn: '2026-11-05' }, opened)[0]).toMatchObject({
      theirs: '3 Nov 2026',
      mine: '5 Nov 2026',
    });
  });
});

describe('placeReviewRecordErrors', () => {
  it('puts the API’s 422 beside the field its path names', () => {
    expect(placeReviewRecordErrors([{ path: '/agenda', message: 'must not contain the NUL character (\\u0000)' }])).toEqual({
      byField: { agenda: ['Must not contain the NUL character (\\u0000).'] },
      general: [],
    });
  });
});
