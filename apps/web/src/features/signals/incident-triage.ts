import { findingKindSchema, severitySchema, type FindingKind, type Incident, type Severity } from '@autonomy/contracts';
import { countOf, formatMonthShort, formatMonthSpan } from '../../lib/format.ts';

/** Which incidents the Signals page lists; kept in the address so a triage view can be shared. */
export interface TriageFilters {
  status: TriageStatus;
  severity: Severity | undefined;
  kind: FindingKind | undefined;
  area: string | undefined;
  lead: string | undefined;
}

export type TriageStatus = 'open' | 'unresolved' | 'acknowledged' | 'dismissed' | 'resolved';

export const TRIAGE_STATUSES: readonly { value: TriageStatus; label: string }[] = [
  { value: 'open', label: 'Needs a decision (open)' },
  { value: 'unresolved', label: 'Not resolved (open, acknowledged, dismissed)' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'resolved', label: 'Resolved' },
];

/** The filters in `?status=…&severity=…`; anything unknown falls back to "all", the status to open. */
export function readTriageFilters(params: URLSearchParams): TriageFilters {
  const status = TRIAGE_STATUSES.find((option) => option.value === params.get('status'))?.value ?? 'open';
  const severity = severitySchema.safeParse(params.get('severity'));
  const kind = findingKindSchema.safeParse(params.get('kind'));
  return {
    status,
    severity: severity.success ? severity.data : undefined,
    kind: kind.success ? kind.data : undefined,
    area: params.get('area') || undefined,
    lead: params.get('lead') || undefined,
  };
}

export function triageSearch(filters: TriageFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'open') params.set('status', filters.status);
  for (const name of ['severity', 'kind', 'area', 'lead'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The incidents of the status asked for (the API filtered those), narrowed here by severity, kind,
 * area and lead, so changing those needs no new request. The API's order stands: most severe
 * first, then oldest.
 */
export function filterIncidents(incidents: readonly Incident[], filters: TriageFilters): Incident[] {
  return incidents.filter(
    (incident) =>
      (filters.severity === undefined || incident.currentSeverity === filters.severity) &&
      (filters.kind === undefined || incident.kind === filters.kind) &&
      (filters.area === undefined || incident.areaSlug === filters.area) &&
      (filters.lead === undefined || incident.leads.includes(filters.lead)),
  );
}

/** The areas and leads present, for the filter menus, by name. */
export function triageOptions(incidents: readonly Incident[]): { areas: { slug: string; name: string }[]; leads: string[] } {
  const areas = new Map<string, string>();
  const leads = new Set<string>();
  for (const incident of incidents) {
    areas.set(incident.areaSlug, incident.areaName);
    for (const lead of incident.leads) leads.add(lead);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en');
  return {
    areas: [...areas].map(([slug, name]) => ({ slug, name })).sort((a, b) => byName(a.name, b.name)),
    leads: [...leads].sort(byName),
  };
}

/** "Jul 2024 – Nov 2024 · 5 months · paused 1 month without enough data", and how it ended if it did. */
export function describeIncidentSpan(incident: Pick<Incident, 'firstMonth' | 'latestMonth' | 'months' | 'gaps' | 'resolvedMonth'>): string {
  const parts = [formatMonthSpan(incident.firstMonth, incident.latestMonth), countOf(incident.months, 'month')];
  if (incident.gaps.length > 0) parts.push(`paused ${countOf(incident.gaps.length, 'month')} without enough data`);
  if (incident.resolvedMonth) parts.push(`resolved by ${formatMonthShort(incident.resolvedMonth)}’s figures`);
  return parts.join(' · ');
}

/** Who may comment on an area's incidents: its leads, executives and admins (the API decides again). */
export function canCommentOnIncident(user: { role: string; areaSlugs: readonly string[] }, areaSlug: string): boolean {
  return user.role === 'admin' || user.role === 'executive' || (user.role === 'area_lead' && user.areaSlugs.includes(areaSlug));
}
