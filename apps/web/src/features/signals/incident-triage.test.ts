import type { Incident } from '@autonomy/contracts';
import { describe, expect, it } from 'vitest';
import { canCommentOnIncident, describeIncidentSpan, filterIncidents, readTriageFilters, triageOptions, triageSearch } from './incident-triage.ts';

const incident = (overrides: Partial<Incident>): Incident => ({
  id: 'i-1', kind: 'chipotle_drift', areaSlug: 'search', areaName: 'Search', leads: ['Ana'], firstMonth: '2024-07', latestMonth: '2024-11',
  months: 5, gaps: [], peakSeverity: 'critical', currentSeverity: 'critical', status: 'open', statusReason: null, resolvedMonth: null,
  escalated: false, snoozedUntil: null, version: 1, createdAt: '2024-12-01T00:00:00.000Z', updatedAt: '2024-12-01T00:00:00.000Z',
  ...overrides,
});

const search = incident({});
const billing = incident({ id: 'i-2', areaSlug: 'billing', areaName: 'Billing', leads: ['Bo', 'Ana'], kind: 'revenue_miss', currentSeverity: 'watch' });
const payments = incident({ id: 'i-3', areaSlug: 'payments', areaName: 'Payments', leads: [], currentSeverity: 'warning' });

describe('the triage filters', () => {
  it('read from the address with open as the default status, ignoring values that are not ours', () => {
    expect(readTriageFilters(new URLSearchParams(''))).toEqual({ status: 'open', severity: undefined, kind: undefined, area: undefined, lead: undefined });
    expect(readTriageFilters(new URLSearchParams('status=resolved&severity=huge&kind=revenue_miss&area=search&lead=Ana'))).toEqual({
      status: 'resolved', severity: undefined, kind: 'revenue_miss', area: 'search', lead: 'Ana',
    });
    expect(readTriageFilters(new URLSearchParams('status=everything')).status).toBe('open');
  });

  it('write back only what differs from the defaults, and read back the same', () => {
    expect(triageSearch(readTriageFilters(new URLSearchParams('')))).toBe('');
    const filters = readTriageFilters(new URLSearchParams('status=unresolved&severity=warning&lead=Bo Li'));
    expect(triageSearch(filters)).toBe('?status=unresolved&severity=warning&lead=Bo+Li');
    expect(readTriageFilters(new URLSearchParams(triageSearch(filters).slice(1)))).toEqual(filters);
  });

  it('narrow the list by severity, kind, area and lead, keeping its order', () => {
    const all = [search, payments, billing];
    const none = readTriageFilters(new URLSearchParams(''));
    expect(filterIncidents(all, none).map((i) => i.id)).toEqual(['i-1', 'i-3', 'i-2']);
    expect(filterIncidents(all, { ...none, lead: 'Ana' }).map((i) => i.id)).toEqual(['i-1', 'i-2']);
    expect(filterIncidents(all, { ...none, severity: 'warning' }).map((i) => i.id)).toEqual(['i-3']);
    expect(filterIncidents(all, { ...none, kind: 'revenue_miss', lead: 'Bo' }).map((i) => i.id)).toEqual(['i-2']);
    expect(filterIncidents(all, { ...none, area: 'payments', lead: 'Ana' })).toEqual([]);
  });

  it('offer the areas and leads present, by name', () => {
    expect(triageOptions([search, payments, billing])).toEqual({
      areas: [{ slug: 'billing', name: 'Billing' }, { slug: 'payments', name: 'Payments' }, { slug: 'search', name: 'Search' }],
      leads: ['Ana', 'Bo'],
    });
  });
});

describe('an incident described', () => {
  it('says its months, its pauses and what resolved it', () => {
    expect(describeIncidentSpan(search)).toBe('Jul 2024 – Nov 2024 · 5 months');
    expect(describeIncidentSpan({ ...search, firstMonth: '2024-11', months: 1 })).toBe('Nov 2024 · 1 month');
    expect(describeIncidentSpan({ ...search, months: 3, gaps: ['2024-09', '2024-10'], resolvedMonth: '2024-12' })).toBe(
      'Jul 2024 – Nov 2024 · 3 months · paused 2 months without enough data · resolved by Dec 2024’s figures',
    );
  });

  it('takes comments from the area’s leads, executives and admins only', () => {
    expect(canCommentOnIncident({ role: 'area_lead', areaSlugs: ['search'] }, 'search')).toBe(true);
    expect(canCommentOnIncident({ role: 'area_lead', areaSlugs: ['billing'] }, 'search')).toBe(false);
    expect(canCommentOnIncident({ role: 'executive', areaSlugs: [] }, 'search')).toBe(true);
    expect(canCommentOnIncident({ role: 'viewer', areaSlugs: ['search'] }, 'search')).toBe(false);
  });
});
