import type { Incident, IncidentDetail, IncidentList, Signal, SignalList } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv, workedExampleExpected } from '../../../test/worked-example.ts';

// The clock stands just after the worked example (its months have begun), or, where a test turns
// it back, in its autumn: then a snooze "until 2024-10" is not in the past.
const AFTER_THE_EXAMPLE = new Date('2025-01-15T12:00:00Z');
const IN_ITS_AUTUMN = new Date('2024-10-15T12:00:00Z');
let today = AFTER_THE_EXAMPLE;
const harness = await Harness.start({ now: () => today });
afterAll(() => harness.stop());

let admin: TestUser;
let executive: TestUser;
let searchLead: TestUser;
let otherLead: TestUser;

beforeEach(async () => {
  today = AFTER_THE_EXAMPLE;
  await harness.reset();
  admin = await harness.user('admin');
  executive = await harness.user('executive');
  searchLead = await harness.user('area_lead', { leads: ['search'] });
  otherLead = await harness.user('area_lead', { leads: ['payments'] });
});

const [header, ...exampleRows] = workedExampleCsv.trimEnd().split(/\r?\n/);

/** The worked example's rows of one area for some months (`2024-03`…`2024-12`). */
function rowsOf(area: string, months: string[]): string {
  const rows = exampleRows.filter((row) => row.startsWith(`${area},`) && months.some((month) => row.includes(`,${month},`)));
  expect(rows, `${area} ${months.join(' ')}`).toHaveLength(months.length);
  return `${header}\n${rows.join('\n')}\n`;
}
const monthsFrom = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => `2024-${String(first + i).padStart(2, '0')}`);

/**
 * By the worked example (shared/examples): Search drifts in 2024-07 (warning), 2024-08…11
 * (critical), clear in 2024-12; Data Platform drifts 2024-09…11 (critical), clear in 2024-12.
 */
async function add(area: string, months: string[]): Promise<void> {
  await harness.importCsv(rowsOf(area, months), admin);
}

async function incidents(query = '', as: TestUser = executive): Promise<Incident[]> {
  const response = await harness.request(`/api/v1/incidents?limit=1000&${query}`, { as });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as IncidentList).items;
}

async function only(area: string): Promise<Incident> {
  const found = await incidents(`area=${area}`);
  expect(found, `incidents of ${area}`).toHaveLength(1);
  return found[0]!;
}

async function detail(id: string): Promise<IncidentDetail> {
  const response = await harness.request(`/api/v1/incidents/${id}`, { as: executive });
  expect(response.status).toBe(200);
  expect(response.headers.get('etag')).toBe(`"${((await response.clone().json()) as IncidentDetail).version}"`);
  return (await response.json()) as IncidentDetail;
}

const decide = (incident: Pick<Incident, 'id' | 'version'>, body: unknown, as: TestUser = executive) =>
  harness.json(`/api/v1/incidents/${incident.id}`, 'PATCH', body, as, { 'if-match': `"${incident.version}"` });

async function signalsOf(month: string): Promise<Signal[]> {
  const response = await harness.request(`/api/v1/signals?month=${month}&limit=1000`, { as: executive });
  expect(response.status).toBe(200);
  return ((await response.json()) as SignalList).items;
}

describe('an incident: consecutive months of one finding kind in an area', () => {
  it('opens at the first drift month and carries an acknowledgement across the months that follow at the same severity', async () => {
    await add('data-platform', monthsFrom(3, 9));
    const opened = await only('data-platform');
    expect(opened).toMatchObject({
      kind: 'chipotle_drift', areaSlug: 'data-platform', firstMonth: '2024-09', latestMonth: '2024-09', months: 1, gaps: [],
      peakSeverity: 'critical', currentSeverity: 'critical', status: 'open', resolvedMonth: null, escalated: false, snoozedUntil: null,
    });
    expect((await decide(opened, { status: 'acknowledged' })).status).toBe(200);

    await add('data-platform', ['2024-10']);
    const carried = await only('data-platform');
    expect(carried).toMatchObject({ id: opened.id, firstMonth: '2024-09', latestMonth: '2024-10', months: 2, status: 'acknowledged' });
    // The month's own entry shows the incident's decision, and nothing new is open.
    const october = (await signalsOf('2024-10')).filter((signal) => signal.areaSlug === 'data-platform');
    expect(october.map((signal) => [signal.kind, signal.status, signal.incidentId])).toEqual([['chipotle_drift', 'acknowledged', opened.id]]);
    expect(await incidents('status=open')).toEqual([]);
  });

  it('reopens an acknowledged incident as escalated when its severity rises, and says so in its history', async () => {
    await add('search', monthsFrom(3, 7));
    const warning = await only('search');
    expect(warning).toMatchObject({ firstMonth: '2024-07', currentSeverity: 'warning', status: 'open' });
    expect((await decide(warning, { status: 'acknowledged' })).status).toBe(200);

    await add('search', ['2024-08']);
    const escalated = await only('search');
    expect(escalated).toMatchObject({ id: warning.id, latestMonth: '2024-08', peakSeverity: 'critical', currentSeverity: 'critical', status: 'open', escalated: true });
    const history = (await detail(warning.id)).history;
    expect(history.map((event) => [event.action, event.fromStatus, event.toStatus, event.month, event.actor?.email ?? null])).toEqual([
      ['raised', null, 'open', '2024-07', null],
      ['acknowledged', 'open', 'acknowledged', null, executive.email],
      ['escalated', 'acknowledged', 'open', '2024-08', null],
    ]);
    expect(history[2]!.comment).toBe('warning when acknowledged, critical in 2024-08');

    // Deciding again clears the escalation.
    expect((await decide(escalated, { status: 'acknowledged' })).status).toBe(200);
    expect(await only('search')).toMatchObject({ status: 'acknowledged', escalated: false });
  });

  it('keeps a snoozed dismissal until its month, then reopens the incident if it still runs', async () => {
    await add('data-platform', monthsFrom(3, 9));
    const incident = await only('data-platform');
    today = IN_ITS_AUTUMN;
    const snoozed = await decide(incident, { status: 'dismissed', reason: 'Planned move to the shared platform', until: '2024-10' });
    today = AFTER_THE_EXAMPLE;
    expect(snoozed.status).toBe(200);
    expect(await snoozed.json()).toMatchObject({ status: 'dismissed', snoozedUntil: '2024-10', statusReason: 'Planned move to the shared platform' });

    await add('data-platform', ['2024-10']);
    expect(await only('data-platform')).toMatchObject({ status: 'dismissed', latestMonth: '2024-10' });

    await add('data-platform', ['2024-11']);
    const reopened = await only('data-platform');
    expect(reopened).toMatchObject({ id: incident.id, status: 'open', latestMonth: '2024-11' });
    expect((await detail(incident.id)).history.map((event) => event.action)).toEqual(['raised', 'dismissed until 2024-10', 'snooze ended']);
  });

  it('is paused, not ended, by months without figures or without enough data, and shows them as gaps', async () => {
    await add('data-platform', monthsFrom(3, 9));
    const incident = await only('data-platform');
    expect((await decide(incident, { status: 'acknowledged' })).status).toBe(200);

    // November without October: no figures in October, and November's window is not complete.
    await add('data-platform', ['2024-11']);
    expect(await only('data-platform')).toMatchObject({ id: incident.id, latestMonth: '2024-09', gaps: ['2024-10', '2024-11'], status: 'acknowledged', resolvedMonth: null });

    // October arrives: both months drift, and the gaps close.
    await add('data-platform', ['2024-10']);
    expect(await only('data-platform')).toMatchObject({ id: incident.id, latestMonth: '2024-11', months: 3, gaps: [], status: 'acknowledged' });
  });

  it('is resolved by the data at the first month with enough data and no finding, whatever was decided', async () => {
    await add('data-platform', monthsFrom(3, 11));
    const incident = await only('data-platform');
    expect((await decide(incident, { status: 'dismissed', reason: 'Seasonal' })).status).toBe(200);

    await add('data-platform', ['2024-12']);
    const resolved = await only('data-platform');
    expect(resolved).toMatchObject({ id: incident.id, status: 'resolved', resolvedMonth: '2024-12', latestMonth: '2024-11', months: 3 });
    const history = (await detail(incident.id)).history;
    expect(history.at(-1)).toMatchObject({ action: 'resolved', month: '2024-12', fromStatus: 'dismissed', toStatus: 'resolved', actor: null });
    expect(await incidents('status=unresolved')).toEqual([]);
    expect(await incidents('status=resolved')).toHaveLength(1);
  });

  it('keeps the per-month view: one entry per area and kind in the month, with that month’s severity, deltas and explanation', async () => {
    await harness.importCsv(workedExampleCsv, admin);
    const search = await only('search');
    expect(search).toMatchObject({ firstMonth: '2024-07', latestMonth: '2024-11', months: 5, peakSeverity: 'critical', status: 'resolved', resolvedMonth: '2024-12' });
    const incidentDetail = await detail(search.id);
    const expected = workedExampleExpected.filter((row) => row.areaSlug === 'search' && row.driftState === 'drift');
    expect(incidentDetail.monthsDetail.map((month) => [month.month, month.severity])).toEqual(expected.map((row) => [row.month, row.severity]));

    for (const month of ['2024-07', '2024-09']) {
      const entries = await signalsOf(month);
      const want = workedExampleExpected.filter((row) => row.month === month && row.driftState === 'drift');
      expect(entries.map((signal) => `${signal.areaSlug} ${signal.kind}`).sort()).toEqual(want.map((row) => `${row.areaSlug} chipotle_drift`).sort());
      for (const row of want) {
        const entry = entries.find((signal) => signal.areaSlug === row.areaSlug)!;
        expect(entry.severity).toBe(row.severity);
        expect(entry.ownershipDelta).toBeCloseTo(row.ownershipDelta!, 4);
        expect(entry.centralisationDelta).toBeCloseTo(row.centralisationDelta!, 4);
        expect(entry.explanation.length).toBeGreaterThan(0);
        expect(entry).toMatchObject({ month, status: 'resolved', incidentId: expect.any(String) });
        // The incident's month is the same entry.
        if (row.areaSlug === 'search') expect(incidentDetail.monthsDetail.find((m) => m.month === month)).toMatchObject({ signalId: entry.id, explanation: entry.explanation });
      }
    }
  });

  it('counts a decision taken through a month’s signal for the whole incident', async () => {
    await add('data-platform', monthsFrom(3, 10));
    const [september] = (await signalsOf('2024-09')).filter((signal) => signal.areaSlug === 'data-platform');
    const response = await harness.json(`/api/v1/signals/${september!.id}`, 'PATCH', { status: 'acknowledged' }, executive, { 'if-match': `"${september!.version}"` });
    expect(response.status).toBe(200);
    expect(await only('data-platform')).toMatchObject({ status: 'acknowledged' });
    expect((await signalsOf('2024-10')).find((signal) => signal.areaSlug === 'data-platform')).toMatchObject({ status: 'acknowledged' });
  });
});

describe('triage across months', () => {
  beforeEach(async () => {
    await add('search', monthsFrom(3, 7)); // warning, since 2024-07
    await add('data-platform', monthsFrom(3, 10)); // critical, since 2024-09
    await harness.importCsv(rowsOf('payments', monthsFrom(3, 6)), admin);
  });

  it('lists open incidents most severe first, then oldest, with their leads, and filters them', async () => {
    const all = await incidents('status=unresolved');
    expect(all.map((incident) => [incident.areaSlug, incident.currentSeverity, incident.firstMonth])).toEqual([
      ['data-platform', 'critical', '2024-09'],
      ['search', 'warning', '2024-07'],
    ]);
    expect(all[1]!.leads).toEqual(['Test area_lead']);
    expect((await incidents('severity=warning')).map((incident) => incident.areaSlug)).toEqual(['search']);
    expect((await incidents('kind=revenue_miss'))).toEqual([]);
    expect((await incidents('area=data-platform')).map((incident) => incident.areaSlug)).toEqual(['data-platform']);
    expect((await incidents('lead=me', searchLead)).map((incident) => incident.areaSlug)).toEqual(['search']);
    expect((await incidents('lead=me', otherLead))).toEqual([]);

    const first = (await (await harness.request('/api/v1/incidents?limit=1', { as: executive })).json()) as IncidentList;
    const second = (await (await harness.request(`/api/v1/incidents?limit=1&cursor=${first.nextCursor}`, { as: executive })).json()) as IncidentList;
    expect([...first.items, ...second.items].map((incident) => incident.id)).toEqual(all.map((incident) => incident.id));
    expect(second.nextCursor).toBeNull();
  });

  it('acknowledges or dismisses several incidents with one reason, all or none', async () => {
    const [critical, warning] = await incidents('status=unresolved');
    today = IN_ITS_AUTUMN;
    const stale = await harness.json('/api/v1/incidents/decisions', 'POST', {
      status: 'dismissed', reason: 'Reorganisation under way', until: '2024-12',
      incidents: [{ id: critical!.id, version: critical!.version }, { id: warning!.id, version: warning!.version + 1 }],
    }, executive);
    expect(stale.status).toBe(412);
    expect((await problemOf(stale)).detail).toContain('search’s Chipotle drift since 2024-07');
    expect((await incidents('status=open')).map((incident) => incident.id)).toEqual([critical!.id, warning!.id]);

    const done = await harness.json('/api/v1/incidents/decisions', 'POST', {
      status: 'dismissed', reason: 'Reorganisation under way', until: '2024-12',
      incidents: [{ id: critical!.id, version: critical!.version }, { id: warning!.id, version: warning!.version }],
    }, executive);
    expect(done.status).toBe(200);
    const { items } = (await done.json()) as { items: Incident[] };
    expect(items.map((incident) => [incident.id, incident.status, incident.statusReason, incident.snoozedUntil])).toEqual([
      [critical!.id, 'dismissed', 'Reorganisation under way', '2024-12'],
      [warning!.id, 'dismissed', 'Reorganisation under way', '2024-12'],
    ]);
    const audit = (await (await harness.request('/api/v1/audit?limit=10', { as: admin })).json()) as { items: { action: string; areaSlug: string | null }[] };
    expect(audit.items.filter((event) => event.action === 'incident.decided').map((event) => event.areaSlug).sort()).toEqual(['data-platform', 'search']);

    const lead = await harness.json('/api/v1/incidents/decisions', 'POST', { status: 'acknowledged', incidents: [{ id: critical!.id, version: 1 }] }, searchLead);
    expect(lead.status).toBe(403);
    expect((await problemOf(lead)).detail).toBe('Only executives and admins can decide on signals.');
  });

  it('takes comments from the area’s leads and from executives, in its history, changing no status', async () => {
    const search = await only('search');
    const comment = await harness.json(`/api/v1/incidents/${search.id}/comments`, 'POST', { text: '  The central recruiter started in July.  ' }, searchLead);
    expect(comment.status).toBe(201);
    expect(await comment.json()).toMatchObject({ action: 'commented', comment: 'The central recruiter started in July.', fromStatus: 'open', toStatus: 'open' });
    expect((await harness.json(`/api/v1/incidents/${search.id}/comments`, 'POST', { text: 'Noted; see the review.' }, executive)).status).toBe(201);

    const refused = await harness.json(`/api/v1/incidents/${search.id}/comments`, 'POST', { text: 'Not my area' }, otherLead);
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toBe('Only search’s leads, executives and admins can comment on search’s signals.');
    for (const text of ['', '   ', 'x'.repeat(4001)]) {
      const bad = await harness.json(`/api/v1/incidents/${search.id}/comments`, 'POST', { text }, searchLead);
      expect(bad.status, JSON.stringify(text.slice(0, 10))).toBe(422);
    }
    const history = (await detail(search.id)).history;
    expect(history.filter((event) => event.action === 'commented').map((event) => [event.actor?.email, event.comment])).toEqual([
      [searchLead.email, 'The central recruiter started in July.'],
      [executive.email, 'Noted; see the review.'],
    ]);
    expect(await only('search')).toMatchObject({ status: 'open', version: search.version });
  });

  it('refuses snoozes in the past or before the incident’s latest month, and malformed ones, changing nothing', async () => {
    const search = await only('search');
    today = IN_ITS_AUTUMN;
    const past = await decide(search, { status: 'dismissed', reason: 'Seasonal', until: '2024-09' });
    expect(past.status).toBe(422);
    expect((await problemOf(past)).errors).toEqual([{ path: 'until', message: 'must be 2024-10 or later' }]);
    for (const until of ['2024-13', 'October', '2024-1']) {
      expect((await decide(search, { status: 'dismissed', reason: 'Seasonal', until })).status, until).toBe(422);
    }
    expect((await decide(search, { status: 'acknowledged', until: '2024-12' })).status).toBe(422);
    expect((await decide({ ...search, version: search.version + 5 }, { status: 'acknowledged' })).status).toBe(412);
    expect(await only('search')).toMatchObject({ status: 'open', version: search.version, snoozedUntil: null });
  });
});
