import { createActionItemSchema, createDecisionSchema, createReviewSchema } from '@autonomy/contracts';
import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from './demo-organisation.ts';
import { buildDemoReview } from './demo-review.ts';

const END_MONTH = '2025-06';
const plan = buildDemoReview({ endMonth: END_MONTH });
const organisation = buildDemoOrganisation({ endMonth: END_MONTH });

describe('buildDemoReview', () => {
  it('reviews the month before the latest, early in the latest month', () => {
    expect(plan).toMatchObject({ month: '2025-05', heldOn: '2025-06-08' });
    expect(organisation.rows.some((row) => row.month === plan.month)).toBe(true);
  });

  it('writes only what the API would accept', () => {
    const { month, heldOn, agenda, notes } = plan;
    expect(createReviewSchema.safeParse({ month, heldOn, agenda, notes }).error?.issues ?? []).toEqual([]);
    for (const decision of plan.decisions) expect(createDecisionSchema.safeParse(decision).error?.issues ?? []).toEqual([]);
    for (const { status: _status, ...item } of plan.actionItems) expect(createActionItemSchema.safeParse(item).error?.issues ?? []).toEqual([]);
  });

  it("names only the demo's own people and areas: the executive chairs, the executive and both leads own an item each", () => {
    const emails = organisation.users.map((user) => user.email);
    const slugs = organisation.areas.map((area) => area.slug);
    expect(organisation.users.find((user) => user.email === plan.chairEmail)?.role).toBe('executive');
    expect(plan.actionItems.map((item) => organisation.users.find((user) => user.email === item.ownerEmail)?.role)).toEqual([
      'executive',
      'area_lead',
      'area_lead',
    ]);
    expect(new Set(plan.actionItems.map((item) => item.ownerEmail)).size).toBe(3);
    for (const areaSlug of [...plan.decisions, ...plan.actionItems].flatMap((entry) => entry.areaSlug ?? [])) expect(slugs).toContain(areaSlug);
    expect(emails).toContain(plan.chairEmail);
  });

  it('has two decisions and three items: one done, one overdue and one still to come in the month the demo is seen', () => {
    // The demo is seen in the month after the latest (2025-07), on whatever day it is opened.
    const overdue = (dueOn: string) => dueOn < '2025-07-01';
    const stillToCome = (dueOn: string) => dueOn > '2025-07-31';
    expect(plan.decisions).toHaveLength(2);
    expect(plan.actionItems.map((item) => [item.status, overdue(item.dueOn), stillToCome(item.dueOn)])).toEqual([
      ['done', true, false],
      ['open', true, false],
      ['open', false, true],
    ]);
  });

  it('refuses a latest month that is not one', () => {
    expect(() => buildDemoReview({ endMonth: '2025-13' })).toThrow(RangeError);
  });
});
