import { describe, expect, it } from 'vitest';
import { areaFixture, areaMonthFixture, auditEventFixture, importAuditEventFixture } from '../../test-support/fixtures.ts';
import { describeAuditEvent, figureChanges } from './audit-changes.ts';

describe('describeAuditEvent', () => {
  it('names who updated which month and each figure that moved, before → after', () => {
    const event = auditEventFixture({
      before: areaMonthFixture({ hiresTotal: 3, approvalLatencyDays: 12, version: 2 }),
      after: areaMonthFixture({ hiresTotal: 4, approvalLatencyDays: 16, version: 3 }),
    });
    expect(describeAuditEvent(event)).toBe(
      'Priya Raman updated figures for 2026-10: hires 3 → 4, approval latency 12 → 16 days',
    );
  });

  it('says so when a save changed no figure (only the version and time moved)', () => {
    const event = auditEventFixture({ before: areaMonthFixture({ version: 2 }), after: areaMonthFixture({ version: 3 }) });
    expect(describeAuditEvent(event)).toBe('Priya Raman saved the figures for 2026-10 without changing them');
  });

  it('describes new figures, a new area and changes to the area itself', () => {
    expect(describeAuditEvent(auditEventFixture({ action: 'figures.created', subject: '2026-11', before: null }))).toBe(
      'Priya Raman added figures for 2026-11',
    );
    expect(describeAuditEvent(auditEventFixture({ action: 'area.created', subject: null }))).toBe('Priya Raman created the area');
    expect(describeAuditEvent(auditEventFixture({ action: 'figures.deleted', subject: '2026-09', after: null }))).toBe(
      'Priya Raman removed the figures for 2026-09',
    );
    const area = { slug: 'checkout', name: 'Checkout', description: 'Basket', status: 'active', leadEmail: null };
    expect(
      describeAuditEvent(
        auditEventFixture({
          action: 'area.updated',
          subject: null,
          actor: { id: null, email: 'admin@example.com', name: 'Administrator' },
          before: area,
          after: { ...area, leadEmail: 'priya.raman@demo.example', description: 'Basket and payment' },
        }),
      ),
    ).toBe('Administrator updated the area: lead none → priya.raman@demo.example, description changed');
  });

  it('describes a review’s decisions and action items about the area', () => {
    const review = { subject: '2026-10', actor: { id: null, email: 'exec@demo.example', name: 'Erin Exec' } };
    expect(
      describeAuditEvent(
        auditEventFixture({ ...review, action: 'review.decision_recorded', before: null, after: { text: 'Checkout sets its own target' } }),
      ),
    ).toBe('Erin Exec recorded a decision in the review of 2026-10: “Checkout sets its own target”');
    expect(
      describeAuditEvent(
        auditEventFixture({
          ...review,
          action: 'review.action_item_added',
          before: null,
          after: { title: 'Hand hiring back', ownerEmail: 'priya.raman@demo.example', dueOn: '2026-11-28', status: 'open' },
        }),
      ),
    ).toBe('Erin Exec added an action item in the review of 2026-10 for priya.raman@demo.example, due 2026-11-28: “Hand hiring back”');
    expect(
      describeAuditEvent(
        auditEventFixture({
          ...review,
          action: 'review.action_item_updated',
          before: { id: 'a', title: 'Hand hiring back', status: 'open', dueOn: '2026-11-28' },
          after: { id: 'a', title: 'Hand hiring back', status: 'done', dueOn: null },
        }),
      ),
    ).toBe('Erin Exec changed the action item “Hand hiring back” from the review of 2026-10: status open → done, due date 2026-11-28 → none');
  });

  it('describes a signal’s status change with its reason', () => {
    const event = auditEventFixture({
      action: 'signal.status_changed',
      subject: 'chipotle_drift 2026-10',
      actor: { id: 'u-erin', email: 'exec@demo.example', name: 'Erin Executive' },
      before: { status: 'open', reason: null },
      after: { status: 'dismissed', reason: 'Planned migration ' },
    });
    expect(describeAuditEvent(event)).toBe(
      'Erin Executive changed the Chipotle drift signal for 2026-10: open → dismissed (“Planned migration”)',
    );
  });

  it('tells each area its own part of a CSV import, with the size of the whole file', () => {
    const event = importAuditEventFixture();
    expect(describeAuditEvent(event, 'checkout')).toBe(
      'Administrator imported 12 months (Jan 2025 – Dec 2025) from a CSV file of 120 rows',
    );
    expect(describeAuditEvent(event, 'mobile')).toBe(
      'Administrator imported 12 months (Jan 2025 – Dec 2025) from a CSV file of 120 rows, creating the area',
    );
  });

  it('says one month and one row in the singular, and reads the area from a one-area import', () => {
    const event = importAuditEventFixture({
      areaSlug: 'checkout',
      areaSlugs: ['checkout'],
      after: { rows: 1, areas: [{ slug: 'checkout', rows: 1, firstMonth: '2026-10', lastMonth: '2026-10', created: false }] },
    });
    expect(describeAuditEvent(event)).toBe('Administrator imported 1 month (Oct 2026) from a CSV file of 1 row');
  });

  it('still describes an import whose event has no part for the area (recorded before the summary)', () => {
    expect(describeAuditEvent(importAuditEventFixture({ after: { rows: 4200 } }), 'checkout')).toBe(
      'Administrator imported a CSV file of 4,200 rows',
    );
    expect(describeAuditEvent(importAuditEventFixture({ after: null }), 'checkout')).toBe('Administrator imported a CSV file');
    const garbled = { rows: 3, areas: [{ slug: 'checkout', rows: 3, firstMonth: '2026-13', lastMonth: 'soon' }] };
    expect(describeAuditEvent(importAuditEventFixture({ after: garbled }), 'checkout')).toBe(
      'Administrator imported a CSV file of 3 rows',
    );
  });

  it('describes a revenue-target change as old → new over its months, with the reason', () => {
    const event = auditEventFixture({
      action: 'targets.changed',
      subject: '2027-01..2027-03',
      before: { previous: [{ month: '2027-01', revenueTarget: 120000 }, { month: '2027-02', revenueTarget: 120000 }] },
      after: { from: '2027-01', to: '2027-03', revenueTarget: 130000, reason: 'New enterprise contract ' },
    });
    expect(describeAuditEvent(event)).toBe(
      'Priya Raman changed the revenue target for Jan 2027 – Mar 2027: 120,000 (2 of 3 months) → 130,000 (“New enterprise contract”)',
    );
    const firstTarget = auditEventFixture({
      action: 'targets.changed',
      subject: '2027-04',
      before: { previous: [] },
      after: { from: '2027-04', to: '2027-04', revenueTarget: 95000.5, reason: 'Planned' },
    });
    expect(describeAuditEvent(firstTarget)).toBe('Priya Raman changed the revenue target for Apr 2027: no target → 95,000.5 (“Planned”)');
    expect(describeAuditEvent(auditEventFixture({ action: 'targets.changed', subject: '2027-05', before: null, after: {} }))).toBe(
      'Priya Raman changed the revenue target for 2027-05',
    );
  });

  it('names the leads of an area with several, and ignores their order', () => {
    const leadChange = (before: string[], after: string[]) =>
      describeAuditEvent(
        auditEventFixture({
          action: 'area.updated',
          subject: null,
          before: areaFixture({ leadEmails: before }),
          after: areaFixture({ leadEmails: after, updatedAt: '2026-11-03T10:00:00.000Z' }),
        }),
      );
    const priya = 'priya.raman@demo.example';
    const sam = 'sam.lee@demo.example';
    expect(leadChange([priya], [priya, sam])).toBe(`Priya Raman updated the area: leads ${priya} → ${priya}, ${sam}`);
    expect(leadChange([priya], [])).toBe(`Priya Raman updated the area: lead ${priya} → none`);
    expect(leadChange([sam, priya], [priya, sam])).toBe('Priya Raman updated the area');
  });

  it('falls back to the action’s own name, and to the email when the name is blank', () => {
    const event = auditEventFixture({
      action: 'targets.updated',
      subject: '2026-10',
      actor: { id: null, email: 'gone@example.com', name: ' ' },
    });
    expect(describeAuditEvent(event)).toBe('gone@example.com: targets updated (2026-10)');
  });
});

describe('figureChanges', () => {
  it('formats money with separators and FTE and the target owner in words', () => {
    expect(
      figureChanges(
        { revenueTarget: 120000, marketingSharedFte: 0.5, targetOwner: 'area' },
        { revenueTarget: 125000, marketingSharedFte: 1, targetOwner: 'central' },
      ),
    ).toEqual(['revenue target 120,000 → 125,000', 'target set by the area → central', 'shared marketing 0.5 → 1 FTE']);
  });

  it('reads before and after of any shape without throwing', () => {
    expect(figureChanges(null, { hiresTotal: 2 })).toEqual(['hires — → 2']);
    expect(figureChanges('nonsense', [1, 2])).toEqual([]);
    expect(figureChanges({ hiresTotal: '3' }, { hiresTotal: 3 })).toEqual(['hires — → 3']);
  });
});
