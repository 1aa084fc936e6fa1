import {
  apiTokenListSchema,
  areaHistorySchema,
  areaListSchema,
  areaMonthSchema,
  areaSchema,
  areaTargetsSchema,
  auditListSchema,
  createdTokenSchema,
  importJobSchema,
  importResultSchema,
  portfolioSchema,
  sessionUserSchema,
  settingsResponseSchema,
  signalDetailSchema,
  signalListSchema,
  signalSchema,
  targetChangeListSchema,
  targetChangeResultSchema,
  userAccountListSchema,
  userAccountSchema,
  type ApiToken,
  type ApiTokenList,
  type Area,
  type AreaHistory,
  type AreaMonth,
  type AreaMonthFigures,
  type AreaTargets,
  type AuditList,
  type CreateUser,
  type DriftSettingsBody,
  type FindingKind,
  type ImportJob,
  type ImportResult,
  type Login,
  type Portfolio,
  type SettingsResponse,
  type Severity,
  type Signal,
  type SignalDetail,
  type SignalList,
  type SignalStatus,
  type TargetChangeList,
  type TargetChangeRequest,
  type TargetChangeResult,
  type UpdateArea,
  type UpdateSignalStatus,
  type UpdateUser,
  type User,
  type UserAccount,
  type UserAccountList,
} from '@autonomy/contracts';
import { followCursor, segment, send, sendForJson, sendForJsonWithResponse, unexpectedResponse, uploadForJson } from './http.ts';

// The client's transport, for the callers that handle its errors.
export { ApiError, NO_RESPONSE_STATUS, setUnauthorizedHandler } from './http.ts';


// ---- Endpoints -------------------------------------------------------------------------------

export const API_DOCS_URL = '/api/docs';
export const EXPORT_METRICS_URL = '/api/v1/exports/metrics';

/** The export's address for a choice of areas and months (`GET /exports/metrics`). */
export function exportMetricsUrl(
  choice: { areas?: readonly string[]; mine?: boolean; from?: string; to?: string; template?: boolean } = {},
): string {
  const query = new URLSearchParams();
  if (choice.template) query.set('template', 'true');
  if (choice.areas && choice.areas.length > 0) query.set('areas', choice.areas.join(','));
  if (choice.mine) query.set('mine', 'true');
  if (choice.from) query.set('from', choice.from);
  if (choice.to) query.set('to', choice.to);
  const text = query.toString();
  return text === '' ? EXPORT_METRICS_URL : `${EXPORT_METRICS_URL}?${text}`;
}

export async function signIn(credentials: Login): Promise<User> {
  const session = await sendForJson('/api/v1/auth/login', sessionUserSchema, {
    method: 'POST',
    body: JSON.stringify(credentials),
    contentType: 'application/json',
    redirectOnUnauthorized: false,
  });
  return session.user;
}

export async function signOut(): Promise<void> {
  await send('/api/v1/auth/logout', { method: 'POST', redirectOnUnauthorized: false });
}

export async function fetchSessionUser(signal?: AbortSignal): Promise<User> {
  const session = await sendForJson('/api/v1/auth/me', sessionUserSchema, { signal });
  return session.user;
}

export function fetchPortfolio(month: string | undefined, signal?: AbortSignal): Promise<Portfolio> {
  const query = month ? `?${new URLSearchParams({ month }).toString()}` : '';
  return sendForJson(`/api/v1/portfolio${query}`, portfolioSchema, { signal });
}

/** Every area, active and archived, page after page. */
export function fetchAllAreas(signal?: AbortSignal): Promise<Area[]> {
  return followCursor((cursor) =>
    sendForJson(`/api/v1/areas?${new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) })}`, areaListSchema, { signal }),
  );
}

export function fetchArea(slug: string, signal?: AbortSignal): Promise<Area> {
  return sendForJson(`/api/v1/areas/${segment(slug)}`, areaSchema, { signal });
}

export function fetchAreaHistory(slug: string, signal?: AbortSignal): Promise<AreaHistory> {
  return sendForJson(`/api/v1/areas/${segment(slug)}/history`, areaHistorySchema, { signal });
}

export function fetchAreaMonth(slug: string, month: string, signal?: AbortSignal): Promise<AreaMonth> {
  return sendForJson(`/api/v1/areas/${segment(slug)}/months/${segment(month)}`, areaMonthSchema, { signal });
}

/** An area month with the ETag that names its version: the `If-Match` of a later save. */
export interface VersionedAreaMonth {
  areaMonth: AreaMonth;
  etag: string;
}

/** Status of a write refused because what it changes changed since it was read (a stale `If-Match`). */
export const PRECONDITION_FAILED_STATUS = 412;

function readEtag(path: string, response: Response): string {
  const etag = response.headers.get('ETag');
  // Without it a later save could not say which version it replaces; refuse rather than guess.
  if (!etag) throw unexpectedResponse(path, response.status, 'carries no ETag, so a save could not be checked against it.');
  return etag;
}

/** One month's figures and their ETag, read to be edited. */
export async function fetchAreaMonthForEdit(slug: string, month: string, signal?: AbortSignal): Promise<VersionedAreaMonth> {
  const path = `/api/v1/areas/${segment(slug)}/months/${segment(month)}`;
  const { body, response } = await sendForJsonWithResponse(path, areaMonthSchema, { signal });
  return { areaMonth: body, etag: readEtag(path, response) };
}

/**
 * Writes one month's figures. `ifMatch` is the ETag the figures were read with, so the API refuses
 * (412) to overwrite a change made in the meantime; null for a month that has no figures yet, which
 * is then sent create-only (`If-None-Match: *`) so two people adding the same month cannot
 * overwrite each other either.
 */
export async function saveAreaMonth(
  slug: string,
  month: string,
  figures: AreaMonthFigures,
  { ifMatch }: { ifMatch: string | null },
): Promise<VersionedAreaMonth & { created: boolean }> {
  const path = `/api/v1/areas/${segment(slug)}/months/${segment(month)}`;
  const { body, response } = await sendForJsonWithResponse(path, areaMonthSchema, {
    method: 'PUT',
    body: JSON.stringify(figures),
    contentType: 'application/json',
    headers: ifMatch === null ? { 'If-None-Match': '*' } : { 'If-Match': ifMatch },
  });
  return { areaMonth: body, etag: readEtag(path, response), created: response.status === 201 };
}

/**
 * Removes one month's figures, only if they are still the version shown (`If-Match`); a 412
 * means someone changed them since, and nothing was removed.
 */
export async function removeAreaMonth(slug: string, month: string, { version }: { version: number }): Promise<void> {
  await send(`/api/v1/areas/${segment(slug)}/months/${segment(month)}`, { method: 'DELETE', headers: { 'If-Match': etagOfVersion(version) } });
}

export function importMetrics(csv: Blob, options: { dryRun: boolean; onlyMine?: boolean }): Promise<ImportResult> {
  const query = new URLSearchParams({ dryRun: String(options.dryRun), ...(options.onlyMine ? { scope: 'mine' } : {}) }).toString();
  return sendForJson(`/api/v1/imports/metrics?${query}`, importResultSchema, {
    method: 'POST',
    body: csv,
    contentType: 'text/csv',
  });
}

/** Starts an import (or its check) as a background job; `onUpload` hears how much of the file went up. */
export function startImportJob(
  file: File,
  options: { dryRun: boolean; onlyMine: boolean },
  onUpload: (fraction: number) => void,
): Promise<ImportJob> {
  const query = new URLSearchParams({ dryRun: String(options.dryRun), fileName: file.name.slice(0, 200), ...(options.onlyMine ? { scope: 'mine' } : {}) });
  return uploadForJson(`/api/v1/imports/metrics/jobs?${query}`, file, 'text/csv', importJobSchema, onUpload);
}

export function fetchImportJob(id: string): Promise<ImportJob> {
  return sendForJson(`/api/v1/imports/jobs/${segment(id)}`, importJobSchema);
}

/** The filters of `GET /signals`; every one optional. */
export interface SignalFilters {
  month?: string | undefined;
  area?: string | undefined;
  severity?: Severity | undefined;
  status?: SignalStatus | undefined;
  kind?: FindingKind | undefined;
}

/** The API's largest page: a month or an area rarely has more signals than this in all. */
const SIGNALS_PAGE_SIZE = 1000;

export function fetchSignalsPage(
  filters: SignalFilters & { limit?: number; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<SignalList> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString();
  return sendForJson(`/api/v1/signals${search ? `?${search}` : ''}`, signalListSchema, { signal });
}

/**
 * Every signal matching the filters, following the cursor. The pages a view asks for (one month,
 * or one area) hold tens of signals, so the screen shows them all rather than a page of them.
 */
export function fetchAllSignals(filters: SignalFilters, signal?: AbortSignal): Promise<Signal[]> {
  return followCursor((cursor) => fetchSignalsPage({ ...filters, limit: SIGNALS_PAGE_SIZE, cursor }, signal));
}

export function fetchSignal(id: string, signal?: AbortSignal): Promise<SignalDetail> {
  return sendForJson(`/api/v1/signals/${segment(id)}`, signalDetailSchema, { signal });
}

/**
 * The ETag of a row at `version`, as the API writes it. Signals and settings carry their version in
 * the body, so a list of signals gives every signal's `If-Match` without reading each one again.
 */
export function etagOfVersion(version: number): string {
  return `"${version}"`;
}

/**
 * Decides on a signal. Always conditional: `ifMatch` names the version the decision was taken on,
 * so a decision someone else (or a recomputation) made in the meantime is refused (412) rather
 * than overwritten. The API would accept a PATCH without it; the dashboard never sends one.
 */
export function updateSignalStatus(id: string, update: UpdateSignalStatus, { ifMatch }: { ifMatch: string }): Promise<Signal> {
  return sendForJson(`/api/v1/signals/${segment(id)}`, signalSchema, {
    method: 'PATCH',
    body: JSON.stringify(update),
    contentType: 'application/json',
    headers: { 'If-Match': ifMatch },
  });
}

export function fetchSettings(signal?: AbortSignal): Promise<SettingsResponse> {
  return sendForJson('/api/v1/settings', settingsResponseSchema, { signal });
}

/**
 * Replaces the drift settings. Always conditional: `ifMatch` names the version the form was filled
 * in from, so another admin's save in the meantime is refused (412) rather than overwritten.
 */
export function saveSettings(settings: DriftSettingsBody, { ifMatch }: { ifMatch: string }): Promise<SettingsResponse> {
  return sendForJson('/api/v1/settings', settingsResponseSchema, {
    method: 'PUT',
    body: JSON.stringify(settings),
    contentType: 'application/json',
    headers: { 'If-Match': ifMatch },
  });
}

/** The filters of `GET /audit` a page of the app uses. */
export interface AuditFilters {
  area?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** One page of audit events, newest first; `nextCursor` asks for the page after it. */
export function fetchAuditPage(filters: AuditFilters, signal?: AbortSignal): Promise<AuditList> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString();
  return sendForJson(`/api/v1/audit${search ? `?${search}` : ''}`, auditListSchema, { signal });
}

/** An area with the ETag that names its version: the `If-Match` of a later change. */
export interface VersionedArea {
  area: Area;
  etag: string;
}

/** An area and its ETag, read to be edited. */
export async function fetchAreaForEdit(slug: string, signal?: AbortSignal): Promise<VersionedArea> {
  const path = `/api/v1/areas/${segment(slug)}`;
  const { body, response } = await sendForJsonWithResponse(path, areaSchema, { signal });
  return { area: body, etag: readEtag(path, response) };
}

/**
 * Changes an area's details (name, description; leads and status for admins). Always conditional:
 * `ifMatch` is the ETag the area was read with, so a change made in the meantime is refused (412)
 * rather than overwritten. The API would accept a PATCH without it; the dashboard never sends one.
 */
export async function updateArea(slug: string, patch: UpdateArea, { ifMatch }: { ifMatch: string }): Promise<VersionedArea> {
  const path = `/api/v1/areas/${segment(slug)}`;
  const { body, response } = await sendForJsonWithResponse(path, areaSchema, {
    method: 'PATCH',
    body: JSON.stringify(patch),
    contentType: 'application/json',
    headers: { 'If-Match': ifMatch },
  });
  return { area: body, etag: readEtag(path, response) };
}

/** The API's largest page of users (admins only). */
const USERS_PAGE_SIZE = 1000;

export function fetchUsersPage(page: { limit?: number; cursor?: string | undefined }, signal?: AbortSignal): Promise<UserAccountList> {
  const query = new URLSearchParams({ limit: String(page.limit ?? USERS_PAGE_SIZE) });
  if (page.cursor !== undefined) query.set('cursor', page.cursor);
  return sendForJson(`/api/v1/users?${query.toString()}`, userAccountListSchema, { signal });
}

/** Every user account, following the cursor: an organisation has tens to hundreds, not pages' worth to browse. */
export function fetchAllUsers(signal?: AbortSignal): Promise<UserAccount[]> {
  return followCursor((cursor) => fetchUsersPage({ cursor }, signal));
}

/** Each month's revenue target, oldest first: from its figures, or planned ahead of them. */
export function fetchAreaTargets(slug: string, signal?: AbortSignal): Promise<AreaTargets> {
  return sendForJson(`/api/v1/areas/${segment(slug)}/targets`, areaTargetsSchema, { signal });
}

/** One page of an area's target changes, newest first; `nextCursor` asks for the page after it. */
export function fetchTargetChangesPage(
  slug: string,
  page: { limit?: number | undefined; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<TargetChangeList> {
  const query = new URLSearchParams();
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  if (page.cursor !== undefined) query.set('cursor', page.cursor);
  const search = query.toString();
  return sendForJson(`/api/v1/areas/${segment(slug)}/targets/changes${search ? `?${search}` : ''}`, targetChangeListSchema, { signal });
}

/** Sets one revenue target for a month or a range of months, with the reason kept in the history. */
export function saveTargetChange(slug: string, request: TargetChangeRequest): Promise<TargetChangeResult> {
  return sendForJson(`/api/v1/areas/${segment(slug)}/targets`, targetChangeResultSchema, {
    method: 'POST',
    body: JSON.stringify(request),
    contentType: 'application/json',
  });
}

// ---- Access: personal API tokens and user accounts --------------------------------------------

/** The API's largest page of tokens: a person keeps a handful, revoked ones included. */
const TOKENS_PAGE_SIZE = 1000;

/** One page of the caller's own API tokens, newest first, revoked ones included. */
export function fetchMyTokensPage(page: { limit?: number; cursor?: string | undefined }, signal?: AbortSignal): Promise<ApiTokenList> {
  const query = new URLSearchParams({ limit: String(page.limit ?? TOKENS_PAGE_SIZE) });
  if (page.cursor !== undefined) query.set('cursor', page.cursor);
  return sendForJson(`/api/v1/tokens?${query.toString()}`, apiTokenListSchema, { signal });
}

/** Every API token of the caller's, following the cursor. */
export function fetchAllMyTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return followCursor((cursor) => fetchMyTokensPage({ cursor }, signal));
}

/** A token just created: the only answer that ever carries its secret. */
export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
}

/** Changes the signed-in user's password; their other sessions end. */
export async function changeOwnPassword(request: { currentPassword: string; newPassword: string }): Promise<void> {
  await send('/api/v1/auth/password', { method: 'POST', body: JSON.stringify(request), contentType: 'application/json' });
}

export function createApiToken(request: { name: string }): Promise<CreatedApiToken> {
  return sendForJson('/api/v1/tokens', createdTokenSchema, {
    method: 'POST',
    body: JSON.stringify(request),
    contentType: 'application/json',
  });
}

/** Revokes one of the caller's tokens; it stops working at once. Revoking twice is harmless. */
export async function revokeApiToken(id: string): Promise<void> {
  await send(`/api/v1/tokens/${segment(id)}`, { method: 'DELETE' });
}

/** Admins only: a new account, which can sign in at once with the password given. */
export function createUserAccount(user: CreateUser): Promise<UserAccount> {
  return sendForJson('/api/v1/users', userAccountSchema, {
    method: 'POST',
    body: JSON.stringify(user),
    contentType: 'application/json',
  });
}

/**
 * Admins only: changes an account's name or role, deactivates or reactivates it, or resets its
 * password. Always conditional on the version the admin read, so a change another admin made in
 * the meantime is refused (412) rather than overwritten. A user account carries its version in the
 * body, so the list gives every account's `If-Match`.
 */
export function updateUserAccount(id: string, patch: UpdateUser, { version }: { version: number }): Promise<UserAccount> {
  return sendForJson(`/api/v1/users/${segment(id)}`, userAccountSchema, {
    method: 'PATCH',
    body: JSON.stringify(patch),
    contentType: 'application/json',
    headers: { 'If-Match': etagOfVersion(version) },
  });
}
