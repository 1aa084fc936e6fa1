import {
  areaHistorySchema,
  areaMonthSchema,
  areaSchema,
  auditListSchema,
  importResultSchema,
  portfolioSchema,
  problemSchema,
  sessionUserSchema,
  settingsResponseSchema,
  signalDetailSchema,
  signalListSchema,
  signalSchema,
  type Area,
  type AreaHistory,
  type AreaMonth,
  type AreaMonthFigures,
  type AuditList,
  type DriftSettingsBody,
  type FieldError,
  type FindingKind,
  type ImportResult,
  type Login,
  type Portfolio,
  type Problem,
  type SettingsResponse,
  type Severity,
  type Signal,
  type SignalDetail,
  type SignalList,
  type SignalStatus,
  type UpdateSignalStatus,
  type User,
} from '@autonomy/contracts';

/**
 * The only way the app talks to the API. Every JSON body is checked against the contract's zod
 * schema, so a drift between API and web shows up as one clear error instead of `undefined`
 * deep inside a chart.
 */

/** What we need of a zod schema; structural, so the web app needs no zod import of its own. */
interface ResponseSchema<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** A failed request, carrying the API's RFC 9457 problem (or one made up for network failures). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** Status used for requests that never got an HTTP answer. */
export const NO_RESPONSE_STATUS = 0;

let handleUnauthorized: () => void = () => {};

/**
 * Who to call when the session is gone. Set once by the app shell; kept out of this module so the
 * client does not depend on the router.
 */
export function setUnauthorizedHandler(handler: () => void): void {
  handleUnauthorized = handler;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: BodyInit;
  contentType?: string;
  /** Further request headers, such as `If-Match`. */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** False where a 401 is an answer to show (wrong password), not an expired session. */
  redirectOnUnauthorized?: boolean;
}

async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (options.contentType) headers.set('Content-Type', options.contentType);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      body: options.body ?? null,
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      type: 'about:blank',
      title: 'Cannot reach the server',
      status: NO_RESPONSE_STATUS,
      detail: 'Check your connection and try again.',
    });
  }

  if (!response.ok) {
    if (response.status === 401 && options.redirectOnUnauthorized !== false) handleUnauthorized();
    throw new ApiError(await readProblem(response));
  }
  return response;
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `Request failed (${response.status})`,
    status: response.status,
    detail: '',
  };
  if (!text) return fallback;
  try {
    const parsed = problemSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    // Not JSON (a proxy's HTML error page, say): keep the status, drop the markup.
    return fallback;
  }
}

async function sendForJson<T>(path: string, schema: ResponseSchema<T>, options?: RequestOptions): Promise<T> {
  const { body } = await sendForJsonWithResponse(path, schema, options);
  return body;
}

/** Like sendForJson, keeping the response for what travels in its headers (an ETag) and its status. */
async function sendForJsonWithResponse<T>(
  path: string,
  schema: ResponseSchema<T>,
  options?: RequestOptions,
): Promise<{ body: T; response: Response }> {
  const response = await send(path, options);
  const body: unknown = await response.json();
  const parsed = schema.safeParse(body);
  if (parsed.success) return { body: parsed.data, response };
  throw unexpectedResponse(path, response.status, 'does not match the agreed contract.', parsed.error.issues);
}

function unexpectedResponse(
  path: string,
  status: number,
  what: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[] = [],
): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Unexpected response from the server',
    status,
    detail: `The answer from ${path} ${what}`,
    errors: issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  });
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

// ---- Endpoints -------------------------------------------------------------------------------

export const API_DOCS_URL = '/api/docs';
export const EXPORT_METRICS_URL = '/api/v1/exports/metrics';

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

/** Status of a write refused because the figures changed since they were read (a stale `If-Match`). */
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

export function importMetrics(csv: Blob, options: { dryRun: boolean }): Promise<ImportResult> {
  const query = new URLSearchParams({ dryRun: String(options.dryRun) }).toString();
  return sendForJson(`/api/v1/imports/metrics?${query}`, importResultSchema, {
    method: 'POST',
    body: csv,
    contentType: 'text/csv',
  });
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
export async function fetchAllSignals(filters: SignalFilters, signal?: AbortSignal): Promise<Signal[]> {
  const signals: Signal[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchSignalsPage({ ...filters, limit: SIGNALS_PAGE_SIZE, cursor }, signal);
    signals.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return signals;
}

export function fetchSignal(id: string, signal?: AbortSignal): Promise<SignalDetail> {
  return sendForJson(`/api/v1/signals/${segment(id)}`, signalDetailSchema, { signal });
}

export function updateSignalStatus(id: string, update: UpdateSignalStatus): Promise<Signal> {
  return sendForJson(`/api/v1/signals/${segment(id)}`, signalSchema, {
    method: 'PATCH',
    body: JSON.stringify(update),
    contentType: 'application/json',
  });
}

export function fetchSettings(signal?: AbortSignal): Promise<SettingsResponse> {
  return sendForJson('/api/v1/settings', settingsResponseSchema, { signal });
}

export function saveSettings(settings: DriftSettingsBody): Promise<SettingsResponse> {
  return sendForJson('/api/v1/settings', settingsResponseSchema, {
    method: 'PUT',
    body: JSON.stringify(settings),
    contentType: 'application/json',
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
