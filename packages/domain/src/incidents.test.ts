import { describe, expect, it } from 'vitest';
import type { AreaMonthAssessment } from './assess-area.ts';
import type { Severity } from './drift.ts';
import type { Finding, FindingKind } from './findings.ts';
import { type Episode, findEpisodes, reconcileIncidents, type StoredIncident } from './incidents.ts';
import { addMonths } from './month.ts';

const SEVERITY: Record<string, Severity> = { 1: 'watch', 2: 'warning', 3: 'critical' };

/**
 * An area's months from 2026-01 on, one token each: `D1`…`D3` Chipotle drift (watch…critical),
 * `E1`…`E3` ownership erosion, `C` a complete window and no finding, `?` figures without enough
 * data, `.` no figures. Only the fields `findEpisodes` reads are meaningful.
 */
function area(spec: string): { assessments: AreaMonthAssessment[]; findings: Finding[] } {
  const assessments: AreaMonthAssessment[] = [];
  const findings: Finding[] = [];
  spec.split(' ').forEach((token, i) => {
    const month = addMonths('2026-01', i);
    if (token === '.') return;
    assessments.push({ month, driftState: token === '?' ? 'insufficient_data' : token.startsWith('D') ? 'drift' : 'clear', revenueAttainment: 1 } as AreaMonthAssessment);
    if (token.startsWith('D') || token.startsWith('E')) {
      const kind: FindingKind = token.startsWith('D') ? 'chipotle_drift' : 'ownership_erosion';
      findings.push({ kind, month, severity: SEVERITY[token[1]!]!, ownershipDelta: -10, centralisationDelta: 10, explanation: [], contributions: [] });
    }
  });
  return { assessments, findings };
}

/** Revenue: one attainment per month from 2026-01 (null: no figures), and the months a miss was found in, with their severity. */
function revenue(attainments: (number | null)[], missed: Record<string, Severity>) {
  const assessments = attainments.flatMap((revenueAttainment, i) =>
    revenueAttainment === null ? [] : [{ month: addMonths('2026-01', i), driftState: 'clear', revenueAttainment } as AreaMonthAssessment],
  );
  const findings: Finding[] = Object.entries(missed).map(([month, severity]) => ({
    kind: 'revenue_miss', month, severity, ownershipDelta: null, centralisationDelta: null, explanation: [], contributions: [],
  }));
  return findEpisodes(assessments, findings);
}

const episodesOf = (spec: string) => {
  const { assessments, findings } = area(spec);
  return findEpisodes(assessments, findings);
};

/** An episode written out by hand. */
const episode = (changes: Partial<Episode> & Pick<Episode, 'firstMonth' | 'latestMonth' | 'months'>): Episode => ({
  kind: 'chipotle_drift',
  gaps: [],
  peakSeverity: 'watch',
  currentSeverity: 'watch',
  resolvedMonth: null,
  ...changes,
});
const m = (month: string, severity: Severity = 'watch') => ({ month, severity });

describe('findEpisodes: consecutive months of one finding kind are one incident', () => {
  it('runs from its first month to the first month with enough data and no finding', () => {
    expect(episodesOf('C D1 D2 C D1')).toEqual([
      episode({ firstMonth: '2026-02', latestMonth: '2026-03', months: [m('2026-02'), m('2026-03', 'warning')], peakSeverity: 'warning', currentSeverity: 'warning', resolvedMonth: '2026-04' }),
      episode({ firstMonth: '2026-05', latestMonth: '2026-05', months: [m('2026-05')] }),
    ]);
  });

  it('is paused, not ended, by a month without enough data or without figures', () => {
    expect(episodesOf('D2 ? . D3 C')).toEqual([
      episode({
        firstMonth: '2026-01', latestMonth: '2026-04', months: [m('2026-01', 'warning'), m('2026-04', 'critical')],
        gaps: ['2026-02', '2026-03'], peakSeverity: 'critical', currentSeverity: 'critical', resolvedMonth: '2026-05',
      }),
    ]);
  });

  it('counts the months since its latest as paused while it still runs, and keeps the peak apart from the current severity', () => {
    expect(episodesOf('? D3 D1 ? .')).toEqual([
      episode({ firstMonth: '2026-02', latestMonth: '2026-03', months: [m('2026-02', 'critical'), m('2026-03')], gaps: ['2026-04'], peakSeverity: 'critical', currentSeverity: 'watch' }),
    ]);
  });

  it('keeps kinds apart: erosion after drift resolves the drift and opens erosion', () => {
    const [drift, erosion] = episodesOf('D1 E2 C');
    expect(drift).toMatchObject({ kind: 'chipotle_drift', firstMonth: '2026-01', resolvedMonth: '2026-02' });
    expect(erosion).toMatchObject({ kind: 'ownership_erosion', firstMonth: '2026-02', latestMonth: '2026-02', resolvedMonth: '2026-03' });
  });

  it('has none without findings, or without months', () => {
    expect(episodesOf('C ? C')).toEqual([]);
    expect(findEpisodes([], [])).toEqual([]);
  });

  it('judges a revenue miss resolved only by a month whose three-month run is all known', () => {
    // Missed from January; March is the first finding. April has no figures, so May and June
    // cannot say "no miss" (their runs reach April): gaps. July misses again: one incident.
    expect(revenue([0.5, 0.5, 0.5, null, 0.5, 0.5, 0.5, 1.1], { '2026-03': 'watch', '2026-07': 'warning' })).toEqual([
      episode({
        kind: 'revenue_miss', firstMonth: '2026-03', latestMonth: '2026-07', months: [m('2026-03'), m('2026-07', 'warning')],
        gaps: ['2026-04', '2026-05', '2026-06'], peakSeverity: 'warning', currentSeverity: 'warning', resolvedMonth: '2026-08',
      }),
    ]);
    expect(revenue([0.5, 0.5, 0.5, 1.2], { '2026-03': 'watch' })[0]).toMatchObject({ resolvedMonth: '2026-04', gaps: [] });
  });
});

/** The stored form of an episode, as the last reconciliation left it. */
const stored = (from: Episode, changes: Partial<StoredIncident> = {}): StoredIncident => ({
  id: 'incident-1',
  kind: from.kind,
  firstMonth: from.firstMonth,
  latestMonth: from.latestMonth,
  months: from.months.length,
  gaps: [...from.gaps],
  peakSeverity: from.peakSeverity,
  currentSeverity: from.currentSeverity,
  status: from.resolvedMonth ? 'resolved' : 'open',
  resolvedMonth: from.resolvedMonth,
  escalated: false,
  decidedSeverity: null,
  decidedThrough: null,
  snoozedUntil: null,
  ...changes,
});

const marchToApril = episode({ firstMonth: '2026-03', latestMonth: '2026-04', months: [m('2026-03', 'warning'), m('2026-04', 'warning')], peakSeverity: 'warning', currentSeverity: 'warning' });
const grownToMay = (severity: Severity) =>
  episode({ ...marchToApril, latestMonth: '2026-05', months: [...marchToApril.months, m('2026-05', severity)], currentSeverity: severity, peakSeverity: severity === 'critical' ? 'critical' : 'warning' });
const acknowledged = { status: 'acknowledged', decidedSeverity: 'warning', decidedThrough: '2026-04' } as const;

describe('reconcileIncidents: a decision carries across the incident’s months', () => {
  it('raises a new episode as open', () => {
    const changes = reconcileIncidents([], [marchToApril]);
    expect(changes.create).toEqual([
      {
        episode: marchToApril,
        inherited: null,
        state: { status: 'open', resolvedMonth: null, escalated: false },
        events: [{ action: 'raised', month: '2026-03', fromStatus: null, toStatus: 'open', comment: 'opened by the figures of 2026-03' }],
      },
    ]);
    expect(changes.update).toEqual([]);
    expect(changes.clear).toEqual([]);
  });

  it('raises an episode the data drew whole (history imported at once) already resolved', () => {
    const [created] = reconcileIncidents([], [{ ...marchToApril, resolvedMonth: '2026-05' }]).create;
    expect(created!.state).toEqual({ status: 'resolved', resolvedMonth: '2026-05', escalated: false });
    expect(created!.events.map((event) => [event.action, event.fromStatus, event.toStatus])).toEqual([
      ['raised', null, 'open'],
      ['resolved', 'open', 'resolved'],
    ]);
  });

  it('writes nothing when nothing changed', () => {
    expect(reconcileIncidents([stored(marchToApril, acknowledged)], [marchToApril])).toEqual({ create: [], update: [], clear: [] });
  });

  it('keeps an acknowledgement while the incident goes on at the same severity', () => {
    const changes = reconcileIncidents([stored(marchToApril, acknowledged)], [grownToMay('warning')]);
    expect(changes.update).toEqual([
      { id: 'incident-1', episode: grownToMay('warning'), state: { status: 'acknowledged', resolvedMonth: null, escalated: false }, events: [] },
    ]);
  });

  it('reopens an acknowledgement as escalated when the severity rises', () => {
    const [update] = reconcileIncidents([stored(marchToApril, acknowledged)], [grownToMay('critical')]).update;
    expect(update!.state).toEqual({ status: 'open', resolvedMonth: null, escalated: true });
    expect(update!.events).toEqual([
      { action: 'escalated', month: '2026-05', fromStatus: 'acknowledged', toStatus: 'open', comment: 'warning when acknowledged, critical in 2026-05' },
    ]);
  });

  it('keeps a snoozed dismissal until its month, and reopens a still-running incident after it', () => {
    const snoozed = stored(marchToApril, { status: 'dismissed', decidedSeverity: 'warning', decidedThrough: '2026-04', snoozedUntil: '2026-05' });
    expect(reconcileIncidents([snoozed], [grownToMay('warning')]).update[0]!.state.status).toBe('dismissed');
    const june = episode({ ...grownToMay('warning'), latestMonth: '2026-06', months: [...grownToMay('warning').months, m('2026-06', 'warning')] });
    const [update] = reconcileIncidents([snoozed], [june]).update;
    expect(update!.state.status).toBe('open');
    expect(update!.events).toEqual([
      { action: 'snooze ended', month: '2026-06', fromStatus: 'dismissed', toStatus: 'open', comment: 'dismissed until 2026-05; still present in 2026-06' },
    ]);
  });

  it('keeps a dismissal without a month for the incident’s whole life', () => {
    const dismissed = stored(marchToApril, { status: 'dismissed', decidedSeverity: 'warning', decidedThrough: '2026-04' });
    expect(reconcileIncidents([dismissed], [grownToMay('critical')]).update[0]!.state.status).toBe('dismissed');
  });

  it('is resolved by the data, whatever was decided, and reopens if the resolving month changes its mind', () => {
    const resolved = { ...marchToApril, resolvedMonth: '2026-05' };
    const [update] = reconcileIncidents([stored(marchToApril, acknowledged)], [resolved]).update;
    expect(update!.state).toEqual({ status: 'resolved', resolvedMonth: '2026-05', escalated: false });
    expect(update!.events[0]).toMatchObject({ action: 'resolved', month: '2026-05', fromStatus: 'acknowledged', toStatus: 'resolved' });

    const [reopened] = reconcileIncidents([stored(resolved)], [grownToMay('warning')]).update;
    expect(reopened!.state).toEqual({ status: 'open', resolvedMonth: null, escalated: false });
    expect(reopened!.events[0]).toMatchObject({ action: 'reopened', month: '2026-05' });
  });

  it('lets a person’s decision on an incident the data resolved stand until the data moves', () => {
    const resolved = { ...marchToApril, resolvedMonth: '2026-05' };
    const seen = stored(resolved, { status: 'acknowledged', decidedSeverity: 'warning', decidedThrough: '2026-04' });
    expect(reconcileIncidents([seen], [resolved]).update).toEqual([]);
    const later = { ...grownToMay('warning'), resolvedMonth: '2026-06' };
    expect(reconcileIncidents([seen], [later]).update[0]!.state).toEqual({ status: 'resolved', resolvedMonth: '2026-06', escalated: false });
  });

  it('reopens a person’s resolution only when the finding goes on past the month it was taken on', () => {
    const byPerson = stored(marchToApril, { status: 'resolved', decidedSeverity: 'warning', decidedThrough: '2026-04' });
    expect(reconcileIncidents([byPerson], [marchToApril]).update).toEqual([]);
    expect(reconcileIncidents([byPerson], [grownToMay('watch')]).update[0]!.state.status).toBe('open');
  });

  it('keeps a paused incident as it was decided', () => {
    const paused = episode({ ...marchToApril, gaps: ['2026-05'] });
    expect(reconcileIncidents([stored(marchToApril, acknowledged)], [paused]).update[0]!.state.status).toBe('acknowledged');
  });

  it('clears an incident the figures no longer show, and revives it as open when they do again', () => {
    const changes = reconcileIncidents([stored(marchToApril, acknowledged)], []);
    expect(changes.clear).toEqual([
      { id: 'incident-1', event: { action: 'cleared', month: null, fromStatus: 'acknowledged', toStatus: 'cleared', comment: 'the figures no longer show this finding' } },
    ]);
    const [revived] = reconcileIncidents([stored(marchToApril, { status: 'cleared' })], [marchToApril]).update;
    expect(revived!.state).toEqual({ status: 'open', resolvedMonth: null, escalated: false });
  });

  it('merges two incidents a filled-in month joins into the older one', () => {
    const january = episode({ firstMonth: '2026-01', latestMonth: '2026-01', months: [m('2026-01')], resolvedMonth: '2026-02' });
    const joined = episode({ firstMonth: '2026-01', latestMonth: '2026-04', months: [m('2026-01'), m('2026-02'), m('2026-03', 'warning'), m('2026-04', 'warning')], peakSeverity: 'warning', currentSeverity: 'warning' });
    const changes = reconcileIncidents([stored(marchToApril, { id: 'later' }), stored(january, { id: 'older' })], [joined]);
    expect(changes.update.map((update) => [update.id, update.state.status])).toEqual([['older', 'open']]);
    expect(changes.clear).toEqual([
      { id: 'later', event: { action: 'merged', month: '2026-03', fromStatus: 'open', toStatus: 'cleared', comment: 'merged into the incident from 2026-01' } },
    ]);
  });

  it('splits an incident a clear month cuts in two: the later part is new and may inherit the decision', () => {
    const march = episode({ firstMonth: '2026-03', latestMonth: '2026-03', months: [m('2026-03', 'warning')], peakSeverity: 'warning', currentSeverity: 'warning', resolvedMonth: '2026-04' });
    const may = episode({ firstMonth: '2026-05', latestMonth: '2026-05', months: [m('2026-05', 'warning')], peakSeverity: 'warning', currentSeverity: 'warning' });
    const longRun = stored(grownToMay('warning'), acknowledged);
    const changes = reconcileIncidents([longRun], [march, may], (part) =>
      part.firstMonth === '2026-05' ? { status: 'acknowledged', severity: 'warning', month: '2026-05', reason: null } : null,
    );
    expect(changes.update.map((update) => [update.id, update.state.status, update.episode.firstMonth])).toEqual([['incident-1', 'resolved', '2026-03']]);
    expect(changes.create.map((created) => [created.episode.firstMonth, created.state.status, created.events[0]!.comment])).toEqual([
      ['2026-05', 'acknowledged', 'opened by the figures of 2026-05; acknowledged on 2026-05, as decided before'],
    ]);
  });
});
