import { describe, expect, it } from 'vitest';
import { conflictRows, keepMyChanges } from '../../lib/conflict.ts';
import { areaMonthFixture, areaTargetsFixture, figuresFixture } from '../../test-support/fixtures.ts';
import { FIGURE_FIELDS, FIGURE_GROUPS, formatFigureWithUnit } from './figure-fields.ts';
import {
  diffFigures,
  FIGURE_CONFLICT_FIELDS,
  errorsAnsweredBy,
  explainFigureMessage,
  firstMonthFormValues,
  monthOf,
  monthToAdd,
  parseFiguresForm,
  pickFigures,
  placeFigureErrors,
  plannedTargetFor,
  newMonthFormValues,
  prefillNewMonth,
  previousMonthWithFigures,
  toFiguresFormValues,
} from './figures-form.ts';

describe('the figure fields', () => {
  it('has each of the fourteen figures once, in six groups, each labelled with a hint', () => {
    const keys = FIGURE_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(14);
    expect(Object.keys(pickFigures(figuresFixture())).sort()).toEqual([...keys].sort());
    expect(FIGURE_GROUPS.map((group) => group.title)).toEqual([
      'Revenue',
      'Marketing',
      'Sales',
      'Hiring',
      'Decisions',
      'Central process',
    ]);
    for (const field of FIGURE_FIELDS) expect(field.hint.length).toBeGreaterThan(10);
  });

  it('formats values with their unit for reading', () => {
    expect(formatFigureWithUnit('approvalLatencyDays', 16)).toBe('16 days');
    expect(formatFigureWithUnit('marketingSharedFte', 0.5)).toBe('0.5 FTE');
    expect(formatFigureWithUnit('revenueTarget', 1250000)).toBe('1,250,000');
    expect(formatFigureWithUnit('targetOwner', 'central')).toBe('central');
  });
});

describe('pickFigures', () => {
  it('drops what the strict PUT refuses: area, month, version, timestamp', () => {
    const picked = pickFigures(areaMonthFixture());
    expect(picked).toEqual(figuresFixture());
    expect(picked).not.toHaveProperty('version');
    expect(picked).not.toHaveProperty('areaSlug');
  });
});

describe('toFiguresFormValues and parseFiguresForm', () => {
  it('round-trip a month’s figures, decimals included', () => {
    const figures = figuresFixture({ revenueActual: 126500.5, marketingSharedFte: 0.25 });
    const values = toFiguresFormValues(areaMonthFixture(figures));
    expect(values.revenueActual).toBe('126500.5');
    expect(values.targetOwner).toBe('area');
    expect(parseFiguresForm(values)).toEqual({ ok: true, figures });
  });

  it('reads spaces around a number, and a leading decimal point', () => {
    const values = { ...toFiguresFormValues(figuresFixture()), approvalLatencyDays: ' 16 ', marketingSharedFte: '.5' };
    const parsed = parseFiguresForm(values);
    expect(parsed.ok && parsed.figures.approvalLatencyDays).toBe(16);
    expect(parsed.ok && parsed.figures.marketingSharedFte).toBe(0.5);
  });

  it('refuses text that is not a number, blank fields, and what Number() would guess', () => {
    const values = {
      ...toFiguresFormValues(figuresFixture()),
      revenueTarget: '1,000',
      hiresTotal: 'three',
      approvalLatencyDays: '',
      mandatoryProcesses: '1e3',
    };
    expect(parseFiguresForm(values)).toEqual({
      ok: false,
      errors: {
        revenueTarget: ['Enter a number, such as 2.5.'],
        hiresTotal: ['Enter a whole number, such as 4.'],
        approvalLatencyDays: ['Enter a number.'],
        mandatoryProcesses: ['Enter a whole number, such as 4.'],
      },
    });
  });

  it('applies the contract’s own rules, in plain words', () => {
    const values = {
      ...toFiguresFormValues(figuresFixture()),
      revenueActual: '-5',
      decisionsTotal: '2.5',
    };
    expect(parseFiguresForm(values)).toEqual({
      ok: false,
      errors: { revenueActual: ['Must be 0 or more.'], decisionsTotal: ['Must be a whole number.'] },
    });
  });

  it('refuses more hires run by the lead than hires, naming the other field as the form does', () => {
    const values = { ...toFiguresFormValues(figuresFixture()), hiresTotal: '3', hiresLeadOwned: '4' };
    expect(parseFiguresForm(values)).toEqual({
      ok: false,
      errors: { hiresLeadOwned: ['Must not exceed hires closed.'] },
    });
  });

  it('reports the fields that parsed alongside those that did not, in one go', () => {
    const values = { ...toFiguresFormValues(figuresFixture()), hiresTotal: '', salesSharedFte: '-1' };
    const parsed = parseFiguresForm(values);
    expect(parsed).toEqual({
      ok: false,
      errors: { hiresTotal: ['Enter a number.'], salesSharedFte: ['Must be 0 or more.'] },
    });
  });
});

describe('placeFigureErrors', () => {
  it('puts each 422 error beside the field its path names', () => {
    expect(
      placeFigureErrors([
        { path: 'hiresLeadOwned', message: 'must not exceed hiresTotal' },
        { path: '/decisionsCentral', message: 'must not exceed decisionsTotal' },
      ]).byField,
    ).toEqual({
      hiresLeadOwned: ['Must not exceed hires closed.'],
      decisionsCentral: ['Must not exceed material decisions.'],
    });
  });

  it('lists errors about no figure under the form', () => {
    expect(placeFigureErrors([{ path: '', message: 'Unrecognized key: "extra"' }, { path: 'month', message: 'bad' }])).toEqual({
      byField: {},
      general: ['Unrecognized key: "extra"', 'month: bad'],
    });
  });
});

describe('explainFigureMessage', () => {
  it('leaves messages without figure names alone, apart from the capital and full stop', () => {
    expect(explainFigureMessage('must be 0 or more')).toBe('Must be 0 or more.');
    expect(explainFigureMessage('Expected a number.')).toBe('Expected a number.');
  });
});

describe('errorsAnsweredBy', () => {
  it('clears a part’s error when its total changes, and only the field’s own otherwise', () => {
    expect(errorsAnsweredBy('hiresTotal')).toEqual(['hiresTotal', 'hiresLeadOwned']);
    expect(errorsAnsweredBy('decisionsTotal')).toEqual(['decisionsTotal', 'decisionsCentral']);
    expect(errorsAnsweredBy('hiresLeadOwned')).toEqual(['hiresLeadOwned']);
  });
});

describe('diffFigures', () => {
  it('lists the figures that differ, in form order', () => {
    const before = figuresFixture();
    const after = figuresFixture({ approvalLatencyDays: 16, hiresTotal: 4, targetOwner: 'central' });
    expect(diffFigures(before, after)).toEqual(['targetOwner', 'hiresTotal', 'approvalLatencyDays']);
    expect(diffFigures(before, figuresFixture())).toEqual([]);
  });
});

describe('"Keep mine" on figures', () => {
  const opened = figuresFixture();
  const theirs = figuresFixture({ hiresTotal: 5, approvalLatencyDays: 14 });
  const mine = figuresFixture({ approvalLatencyDays: 16, mandatoryProcesses: 6 });

  it('lays the figures I changed over theirs and keeps theirs where I changed nothing', () => {
    expect(keepMyChanges(diffFigures, opened, mine, theirs)).toEqual(
      figuresFixture({ hiresTotal: 5, approvalLatencyDays: 16, mandatoryProcesses: 6 }),
    );
  });

  it('gives back their figures when I changed nothing', () => {
    expect(keepMyChanges(diffFigures, opened, opened, theirs)).toEqual(theirs);
  });
});

describe('the figures’ conflict rows', () => {
  it('sets their saved value beside mine for each figure that differs, saying which I changed', () => {
    const opened = figuresFixture();
    const theirs = figuresFixture({ hiresTotal: 5, approvalLatencyDays: 14 });
    const mine = figuresFixture({ approvalLatencyDays: 16 });
    expect(conflictRows(FIGURE_CONFLICT_FIELDS, opened, mine, theirs)).toEqual([
      { key: 'hiresTotal', label: 'Hires closed', theirs: '5 hires', mine: '3 hires', changedByMe: false },
      { key: 'approvalLatencyDays', label: 'Approval latency', theirs: '14 days', mine: '16 days', changedByMe: true },
    ]);
  });

  it('is empty when they saved what I was about to', () => {
    const mine = figuresFixture({ approvalLatencyDays: 16 });
    expect(conflictRows(FIGURE_CONFLICT_FIELDS, figuresFixture(), mine, mine)).toEqual([]);
  });
});

describe('monthToAdd', () => {
  it('offers the current month when the latest month with figures is the one before it', () => {
    expect(monthToAdd('2026-10', new Date(2026, 10, 22))).toBe('2026-11');
    expect(monthToAdd('2025-12', new Date(2026, 0, 3))).toBe('2026-01');
  });

  it('offers nothing when the current month has figures, when months are missing, or without figures', () => {
    expect(monthToAdd('2026-11', new Date(2026, 10, 22))).toBeNull();
    expect(monthToAdd('2026-08', new Date(2026, 10, 22))).toBeNull();
    expect(monthToAdd(null, new Date(2026, 10, 22))).toBeNull();
  });

  it('reads the month in the reader’s own calendar', () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 59))).toBe('2026-01');
  });
});

describe('plannedTargetFor', () => {
  it('finds the target planned for a month without figures', () => {
    expect(plannedTargetFor(areaTargetsFixture(), '2026-11')).toBe(130000);
    expect(plannedTargetFor(areaTargetsFixture(), '2027-01')).toBe(135000);
  });

  it('has none for a month with figures, or a month nobody planned', () => {
    expect(plannedTargetFor(areaTargetsFixture(), '2026-10')).toBeNull();
    expect(plannedTargetFor(areaTargetsFixture(), '2027-02')).toBeNull();
    expect(plannedTargetFor(areaTargetsFixture({ months: [] }), '2026-11')).toBeNull();
  });
});

describe('newMonthFormValues', () => {
  it('prefills the stocks and leaves this month’s flows empty: revenue actual, hires and decisions', () => {
    const latest = figuresFixture();
    const values = newMonthFormValues(latest);
    // Written out from the issue: flows are never carried over, stocks may be.
    expect(Object.entries(values).filter(([, text]) => text === '').map(([key]) => key).sort()).toEqual(
      ['decisionsCentral', 'decisionsTotal', 'hiresLeadOwned', 'hiresTotal', 'revenueActual'].sort(),
    );
    expect(values).toMatchObject({
      revenueTarget: String(latest.revenueTarget),
      marketingDedicatedFte: String(latest.marketingDedicatedFte),
      marketingSharedFte: String(latest.marketingSharedFte),
      salesDedicatedFte: String(latest.salesDedicatedFte),
      salesSharedFte: String(latest.salesSharedFte),
      sharedServiceDependencies: String(latest.sharedServiceDependencies),
      mandatoryProcesses: String(latest.mandatoryProcesses),
      approvalLatencyDays: String(latest.approvalLatencyDays),
      targetOwner: latest.targetOwner,
    });
  });
});

describe('prefillNewMonth', () => {
  it('starts from the latest month, with the planned target in place of its target', () => {
    expect(prefillNewMonth(areaMonthFixture(), 130000)).toEqual(figuresFixture({ revenueTarget: 130000 }));
  });

  it('keeps the latest month’s target when none is planned, and a planned target of 0 as it is', () => {
    expect(prefillNewMonth(areaMonthFixture(), null)).toEqual(figuresFixture());
    expect(prefillNewMonth(areaMonthFixture(), 0).revenueTarget).toBe(0);
  });
});

describe('previousMonthWithFigures', () => {
  it('is the nearest earlier month with figures, across a gap and whatever the order given', () => {
    expect(previousMonthWithFigures(['2026-09', '2026-07', '2026-11'], '2026-10')).toBe('2026-09');
    expect(previousMonthWithFigures(['2026-06', '2026-11'], '2026-10')).toBe('2026-06');
    expect(previousMonthWithFigures(['2025-12', '2026-02'], '2026-01')).toBe('2025-12');
  });

  it('never prefills from the month itself or a later one', () => {
    expect(previousMonthWithFigures(['2026-10', '2026-11'], '2026-10')).toBeNull();
  });

  it('is null for an area without figures: its first month starts blank', () => {
    expect(previousMonthWithFigures([], '2026-10')).toBeNull();
  });
});

describe('firstMonthFormValues', () => {
  it('leaves every figure to be entered, who set the target included', () => {
    const values = firstMonthFormValues(null);
    expect(Object.values(values).every((value) => value === '')).toBe(true);
    expect(Object.keys(values).sort()).toEqual(FIGURE_FIELDS.map((field) => field.key).sort());
  });

  it('fills in a revenue target planned for the month, and nothing else', () => {
    const values = firstMonthFormValues(450000);
    expect(values.revenueTarget).toBe('450000');
    expect(values.revenueActual).toBe('');
    expect(values.marketingDedicatedFte).toBe('');
  });

  it('asks for who set the target in words when it is left unchosen', () => {
    const values = { ...toFiguresFormValues(figuresFixture()), targetOwner: '' };
    expect(parseFiguresForm(values)).toEqual({ ok: false, errors: { targetOwner: ['Choose who set the target.'] } });
  });
});
