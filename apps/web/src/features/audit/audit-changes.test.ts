import { describe, expect, it } from 'vitest';
import { areaMonthFixture, auditEventFixture } from '../../test-support/fixtures.ts';
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
