import {
  decideIncidentsResultSchema,
  incidentDetailSchema,
  incidentEventSchema,
  incidentListSchema,
  type DecideIncident,
  type DecideIncidents,
  type FindingKind,
  type Incident,
  type IncidentDetail,
  type IncidentEvent,
  type IncidentList,
  type Severity,
} from '@autonomy/contracts';
import { followCursor, segment, sendForJson } from '../../lib/http.ts';

// The incidents' part of the API client (`/api/v1/incidents`), beside the feature that uses it.

/** The API's largest page. */
const INCIDENTS_PAGE_SIZE = 1000;

/** The filters of `GET /incidents`; every one optional. `unresolved`: open, acknowledged or dismissed. */
export interface IncidentFilters {
  status?: 'unresolved' | 'open' | 'acknowledged' | 'dismissed' | 'resolved' | undefined;
  severity?: Severity | undefined;
  kind?: FindingKind | undefined;
  area?: string | undefined;
  lead?: string | undefined;
}

export function fetchIncidentsPage(
  filters: IncidentFilters & { limit?: number; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<IncidentList> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  const search = query.toString();
  return sendForJson(`/api/v1/incidents${search ? `?${search}` : ''}`, incidentListSchema, { signal });
}

/** Every incident matching the filters: a portfolio has tens of running incidents, not thousands. */
export function fetchAllIncidents(filters: IncidentFilters, signal?: AbortSignal): Promise<Incident[]> {
  return followCursor((cursor) => fetchIncidentsPage({ ...filters, limit: INCIDENTS_PAGE_SIZE, cursor }, signal));
}

export function fetchIncident(id: string, signal?: AbortSignal): Promise<IncidentDetail> {
  return sendForJson(`/api/v1/incidents/${segment(id)}`, incidentDetailSchema, { signal });
}

/** Decides on one incident, on the version seen (If-Match), like a signal. */
export function decideIncident(id: string, decision: DecideIncident, { ifMatch }: { ifMatch: string }): Promise<IncidentDetail> {
  return sendForJson(`/api/v1/incidents/${segment(id)}`, incidentDetailSchema, {
    method: 'PATCH',
    body: JSON.stringify(decision),
    contentType: 'application/json',
    headers: { 'If-Match': ifMatch },
  });
}

/** One decision on several incidents, each at the version seen: all of them or none. */
export async function decideIncidents(decision: DecideIncidents): Promise<Incident[]> {
  const result = await sendForJson('/api/v1/incidents/decisions', decideIncidentsResultSchema, {
    method: 'POST',
    body: JSON.stringify(decision),
    contentType: 'application/json',
  });
  return result.items;
}

export function commentOnIncident(id: string, text: string): Promise<IncidentEvent> {
  return sendForJson(`/api/v1/incidents/${segment(id)}/comments`, incidentEventSchema, {
    method: 'POST',
    body: JSON.stringify({ text }),
    contentType: 'application/json',
  });
}
