/**
 * The role × route × own/other-area matrix, generated from the live OpenAPI document and the rule
 * table (route-rules.ts), with the expected answer of every case asked of `can()` itself: the
 * matrix and the authorisation function cannot drift apart, and a route without a rule fails here.
 * A short hand-written table then checks that `can()` still says what the brief says.
 *
 * Every case runs in a transaction that is rolled back, so all start from the same fixtures.
 */
import type { Role, SignalList } from '@autonomy/contracts';
import { schema } from '@autonomy/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../src/auth/authorize.ts';
import type { AuthenticatedUser } from '../src/context.ts';
import { fingerprint } from './fingerprint.ts';
import { exampleFigures, Harness, type TestUser } from './harness.ts';
import { type OperationKey, type RouteRule, type RouteUse, routeRules, undocumentedPublicPaths, useKey } from './route-rules.ts';
import { workedExampleAreasCsv } from './worked-example.ts';

// ---------------------------------------------------------------------------------------------
// The operations, from the document the app serves

interface DocumentedOperation {
  key: OperationKey;
  method: string;
  path: string;
  security: unknown[] | undefined;
  statuses: number[];
}

interface OpenApiDocument {
  security?: unknown[];
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
}

const harness = await Harness.start();
afterAll(() => harness.stop());

const openApi = (await (await harness.request('/api/openapi.json')).json()) as OpenApiDocument;
const documented: DocumentedOperation[] = Object.entries(openApi.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}` as OperationKey,
    method: method.toUpperCase(),
    path,
    security: operation.security ?? openApi.security,
    statuses: Object.keys(operation.responses).map(Number),
  })),
);
const documentedByKey = new Map(documented.map((operation) => [operation.key, operation]));
const ruleOf = (key: OperationKey): RouteRule | undefined => (Object.hasOwn(routeRules, key) ? routeRules[key] : undefined);

// ---------------------------------------------------------------------------------------------
// Who asks, and what `can()` answers them

const OWN_AREA = 'own-area';
const OTHER_AREA = 'other-area';

type ActorName = 'admin' | 'executive' | 'area_lead (own area)' | 'area_lead (other area)' | 'viewer';

interface ActorSpec {
  name: ActorName;
  email: string;
  role: Role;
  leads: string[];
}

const actorSpecs: ActorSpec[] = [
  { name: 'admin', email: 'admin@example.com', role: 'admin', leads: [] },
  { name: 'executive', email: 'executive@example.com', role: 'executive', leads: [] },
  { name: 'area_lead (own area)', email: 'own-lead@example.com', role: 'area_lead', leads: [OWN_AREA] },
  { name: 'area_lead (other area)', email: 'other-lead@example.com', role: 'area_lead', leads: [OTHER_AREA] },
  { name: 'viewer', email: 'viewer@example.com', role: 'viewer', leads: [] },
];

/** The user as `can()` sees it; only the role and the led areas matter to it. */
function asAuthenticated(spec: ActorSpec): AuthenticatedUser {
  return { id: spec.name, email: spec.email, name: spec.name, role: spec.role, areaSlugs: spec.leads, via: 'session' };
}

/** Every request of the matrix concerns the area "own-area" when it concerns one. */
function allowed(spec: ActorSpec, use: RouteUse): boolean {
  const areaSlug = use.area === 'none' ? undefined : OWN_AREA;
  return use.actions.every((action) => can(asAuthenticated(spec), action, areaSlug));
}

// ---------------------------------------------------------------------------------------------
// Fixtures, and an otherwise valid request for every use of every protected operation

interface Fixtures {
  users: Record<ActorName, TestUser>;
  /** Each actor's own API token, for revoking one's own. */
  tokenIds: Record<ActorName, string>;
  /** A viewer who is only ever the subject of requests: their account and their token. */
  subject: TestUser;
  subjectTokenId: string;
  signalId: string;
  /** The open incident of that signal (own area), and its version. */
  incidentId: string;
  incidentVersion: number;
  settings: unknown;
  /** A review of REVIEWED_MONTH with the subject's action item and one of each actor; UNREVIEWED_MONTH has figures and no review. */
  reviewId: string;
  actionItemId: string;
  ownActionItemIds: Record<ActorName, string>;
  /** A review of EMPTY_REVIEW_MONTH with no decisions and no action items, which admins may discard or freeze again. */
  emptyReviewId: string;
  /** An import job of each actor, and one of the subject's. */
  jobIds: Record<ActorName, string>;
  subjectJobId: string;
}

interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  csv?: string;
}

const CSV_HEADER =
  'area_slug,area_name,month,revenue_target,revenue_actual,marketing_dedicated_fte,marketing_shared_fte,sales_dedicated_fte,' +
  'sales_shared_fte,hires_total,hires_lead_owned,decisions_total,decisions_central,shared_service_dependencies,' +
  'mandatory_processes,approval_latency_days,target_owner';
const EXISTING_MONTH = '2024-06';
const REVIEWED_MONTH = '2024-10';
const UNREVIEWED_MONTH = '2024-09';
const EMPTY_REVIEW_MONTH = '2024-08';

type RequestFor = (fixtures: Fixtures, actor: ActorName) => Call;

/** Keyed by `useKey()`: the operation, and the use when its rule has several. */
const requests: Record<string, RequestFor> = {
  'POST /api/v1/auth/logout': () => ({ method: 'POST', path: '/api/v1/auth/logout' }),
  'GET /api/v1/auth/me': () => ({ method: 'GET', path: '/api/v1/auth/me' }),
  'POST /api/v1/auth/password': (f, actor) => ({
    method: 'POST',
    path: '/api/v1/auth/password',
    json: { currentPassword: f.users[actor].password, newPassword: 'a new password for the matrix' },
  }),
  'GET /api/v1/tokens': () => ({ method: 'GET', path: '/api/v1/tokens' }),
  'POST /api/v1/tokens': () => ({ method: 'POST', path: '/api/v1/tokens', json: { name: 'matrix' } }),
  'DELETE /api/v1/tokens/{id} (own token)': (f, actor) => ({ method: 'DELETE', path: `/api/v1/tokens/${f.tokenIds[actor]}` }),
  "DELETE /api/v1/tokens/{id} (another user's token)": (f) => ({ method: 'DELETE', path: `/api/v1/tokens/${f.subjectTokenId}` }),
  'GET /api/v1/users': () => ({ method: 'GET', path: '/api/v1/users' }),
  'POST /api/v1/users': () => ({
    method: 'POST',
    path: '/api/v1/users',
    json: { email: 'new-user@example.com', name: 'New user', role: 'viewer', password: 'a-long-password' },
  }),
  'PATCH /api/v1/users/{id}': (f) => ({ method: 'PATCH', path: `/api/v1/users/${f.subject.id}`, json: { name: 'Renamed' } }),
  'GET /api/v1/areas': () => ({ method: 'GET', path: '/api/v1/areas' }),
  'POST /api/v1/areas': () => ({ method: 'POST', path: '/api/v1/areas', json: { slug: 'new-area', name: 'New area' } }),
  'GET /api/v1/areas/{slug}': () => ({ method: 'GET', path: `/api/v1/areas/${OWN_AREA}` }),
  'PATCH /api/v1/areas/{slug} (name or description)': () => ({
    method: 'PATCH',
    path: `/api/v1/areas/${OWN_AREA}`,
    json: { description: 'Checkout and payouts' },
  }),
  'PATCH /api/v1/areas/{slug} (lead or status)': () => ({ method: 'PATCH', path: `/api/v1/areas/${OWN_AREA}`, json: { status: 'archived' } }),
  'GET /api/v1/areas/{slug}/history': () => ({ method: 'GET', path: `/api/v1/areas/${OWN_AREA}/history` }),
  'GET /api/v1/areas/{slug}/months/{month}': () => ({ method: 'GET', path: `/api/v1/areas/${OWN_AREA}/months/${EXISTING_MONTH}` }),
  'PUT /api/v1/areas/{slug}/months/{month}': () => ({
    method: 'PUT',
    path: `/api/v1/areas/${OWN_AREA}/months/${EXISTING_MONTH}`,
    // Other figures than the month holds: saving the same ones again is no change at all.
    json: { ...exampleFigures, approvalLatencyDays: exampleFigures.approvalLatencyDays + 1 },
  }),
  'DELETE /api/v1/areas/{slug}/months/{month}': () => ({ method: 'DELETE', path: `/api/v1/areas/${OWN_AREA}/months/${EXISTING_MONTH}` }),
  'GET /api/v1/areas/{slug}/targets': () => ({ method: 'GET', path: `/api/v1/areas/${OWN_AREA}/targets` }),
  'GET /api/v1/areas/{slug}/targets/changes': () => ({ method: 'GET', path: `/api/v1/areas/${OWN_AREA}/targets/changes` }),
  'POST /api/v1/areas/{slug}/targets': () => ({
    method: 'POST',
    path: `/api/v1/areas/${OWN_AREA}/targets`,
    json: { from: EXISTING_MONTH, to: '2024-09', revenueTarget: 150000, reason: 'New pricing' },
  }),
  'POST /api/v1/imports/metrics': () => ({
    method: 'POST',
    path: '/api/v1/imports/metrics',
    csv: `${CSV_HEADER}\n${OWN_AREA},Own area,2025-01,1000,900,1,1,1,1,2,1,4,1,1,2,3,area\n`,
  }),
  'POST /api/v1/imports/metrics/jobs': () => ({
    method: 'POST',
    path: '/api/v1/imports/metrics/jobs',
    csv: `${CSV_HEADER}\n${OWN_AREA},Own area,2025-01,1000,900,1,1,1,1,2,1,4,1,1,2,3,area\n`,
  }),
  'GET /api/v1/imports/jobs/{id} (own job)': (f, actor) => ({ method: 'GET', path: `/api/v1/imports/jobs/${f.jobIds[actor]}` }),
  "GET /api/v1/imports/jobs/{id} (another user's job)": (f) => ({ method: 'GET', path: `/api/v1/imports/jobs/${f.subjectJobId}` }),
  'GET /api/v1/exports/metrics': () => ({ method: 'GET', path: '/api/v1/exports/metrics' }),
  'GET /api/v1/portfolio': () => ({ method: 'GET', path: '/api/v1/portfolio' }),
  'GET /api/v1/audit': () => ({ method: 'GET', path: '/api/v1/audit' }),
  'GET /api/v1/signals': () => ({ method: 'GET', path: '/api/v1/signals' }),
  'GET /api/v1/signals/{id}': (f) => ({ method: 'GET', path: `/api/v1/signals/${f.signalId}` }),
  'PATCH /api/v1/signals/{id}': (f) => ({ method: 'PATCH', path: `/api/v1/signals/${f.signalId}`, json: { status: 'acknowledged' } }),
  'GET /api/v1/incidents': () => ({ method: 'GET', path: '/api/v1/incidents?status=unresolved' }),
  'GET /api/v1/incidents/{id}': (f) => ({ method: 'GET', path: `/api/v1/incidents/${f.incidentId}` }),
  'PATCH /api/v1/incidents/{id}': (f) => ({ method: 'PATCH', path: `/api/v1/incidents/${f.incidentId}`, json: { status: 'acknowledged' } }),
  'POST /api/v1/incidents/decisions': (f) => ({
    method: 'POST',
    path: '/api/v1/incidents/decisions',
    json: { status: 'dismissed', reason: 'Known reorganisation', incidents: [{ id: f.incidentId, version: f.incidentVersion }] },
  }),
  'POST /api/v1/incidents/{id}/comments': (f) => ({
    method: 'POST',
    path: `/api/v1/incidents/${f.incidentId}/comments`,
    json: { text: 'The new central recruiter started in May' },
  }),
  'GET /api/v1/settings': () => ({ method: 'GET', path: '/api/v1/settings' }),
  'PUT /api/v1/settings': (f) => ({ method: 'PUT', path: '/api/v1/settings', json: f.settings }),
  'POST /api/v1/assessments/rebuild': () => ({ method: 'POST', path: '/api/v1/assessments/rebuild' }),
  'GET /api/v1/reviews': () => ({ method: 'GET', path: '/api/v1/reviews' }),
  'POST /api/v1/reviews': () => ({ method: 'POST', path: '/api/v1/reviews', json: { month: UNREVIEWED_MONTH, heldOn: '2024-10-03' } }),
  'GET /api/v1/reviews/{id}': (f) => ({ method: 'GET', path: `/api/v1/reviews/${f.reviewId}` }),
  'PATCH /api/v1/reviews/{id}': (f) => ({ method: 'PATCH', path: `/api/v1/reviews/${f.reviewId}`, json: { notes: 'Own area first' } }),
  'POST /api/v1/reviews/{id}/decisions': (f) => ({
    method: 'POST',
    path: `/api/v1/reviews/${f.reviewId}/decisions`,
    json: { text: 'Own area keeps its recruiter', areaSlug: OWN_AREA },
  }),
  'POST /api/v1/reviews/{id}/action-items': (f) => ({
    method: 'POST',
    path: `/api/v1/reviews/${f.reviewId}/action-items`,
    json: { title: 'Ask own area why', ownerEmail: 'own-lead@example.com', areaSlug: OWN_AREA },
  }),
  'DELETE /api/v1/reviews/{id}': (f) => ({ method: 'DELETE', path: `/api/v1/reviews/${f.emptyReviewId}`, headers: { 'if-match': '"1"' } }),
  'POST /api/v1/reviews/{id}/snapshot': (f) => ({
    method: 'POST',
    path: `/api/v1/reviews/${f.emptyReviewId}/snapshot`,
    headers: { 'if-match': '"1"' },
  }),
  "PATCH /api/v1/reviews/{id}/action-items/{itemId} (own item's status or note)": (f, actor) => ({
    method: 'PATCH',
    path: `/api/v1/reviews/${f.reviewId}/action-items/${f.ownActionItemIds[actor]}`,
    json: { status: 'done', note: 'Recruiter starts Monday' },
  }),
  "PATCH /api/v1/reviews/{id}/action-items/{itemId} (own item's due date)": (f, actor) => ({
    method: 'PATCH',
    path: `/api/v1/reviews/${f.reviewId}/action-items/${f.ownActionItemIds[actor]}`,
    json: { dueOn: '2025-01-31' },
  }),
  "PATCH /api/v1/reviews/{id}/action-items/{itemId} (another user's item)": (f) => ({
    method: 'PATCH',
    path: `/api/v1/reviews/${f.reviewId}/action-items/${f.actionItemId}`,
    json: { status: 'done' },
  }),
  'GET /api/v1/action-items': () => ({ method: 'GET', path: '/api/v1/action-items?owner=me&status=open' }),
};

/** The fixture area months: the worked example's two drifting areas, as ours. */
const fixtureCsv = workedExampleAreasCsv({
  search: { slug: OWN_AREA, name: 'Own area' },
  'data-platform': { slug: OTHER_AREA, name: 'Other area' },
});

let fixtures: Fixtures;

beforeAll(async () => {
  const admin = await harness.user('admin', { email: 'admin@example.com' });
  const imported = await send({ method: 'POST', path: '/api/v1/imports/metrics', csv: fixtureCsv }, { as: admin });
  expect(imported.status, await imported.clone().text()).toBe(200);

  const users = { admin } as Record<ActorName, TestUser>;
  for (const spec of actorSpecs) {
    if (spec.name !== 'admin') users[spec.name] = await harness.user(spec.role, { email: spec.email, leads: spec.leads });
  }
  const subject = await harness.user('viewer', { email: 'subject@example.com' });

  const tokenIds = {} as Record<ActorName, string>;
  for (const spec of actorSpecs) {
    // The app must see each actor as the matrix assumes: its role and the areas it leads.
    const me = (await (await send({ method: 'GET', path: '/api/v1/auth/me' }, { as: users[spec.name] })).json()) as {
      user: { role: Role; areaSlugs: string[] };
    };
    expect(me.user, spec.name).toEqual(expect.objectContaining({ role: spec.role, areaSlugs: spec.leads }));
    tokenIds[spec.name] = await createToken(users[spec.name]);
  }

  const signals = (await (await send({ method: 'GET', path: `/api/v1/signals?area=${OWN_AREA}&kind=chipotle_drift` }, { as: admin })).json()) as SignalList;
  const signalId = signals.items[0]?.id;
  if (!signalId) throw new Error(`the fixture figures raised no Chipotle drift signal for ${OWN_AREA}`);
  const incidentId = signals.items[0]?.incidentId;
  if (!incidentId) throw new Error(`the fixture signal of ${OWN_AREA} belongs to no incident`);
  const incidentVersion = ((await (await send({ method: 'GET', path: `/api/v1/incidents/${incidentId}` }, { as: admin })).json()) as { version: number }).version;
  const settings = ((await (await send({ method: 'GET', path: '/api/v1/settings' }, { as: admin })).json()) as { settings: unknown }).settings;

  const review = await send({ method: 'POST', path: '/api/v1/reviews', json: { month: REVIEWED_MONTH, heldOn: '2024-11-05' } }, { as: admin });
  expect(review.status, await review.clone().text()).toBe(201);
  const reviewId = ((await review.json()) as { id: string }).id;
  const item = await send(
    { method: 'POST', path: `/api/v1/reviews/${reviewId}/action-items`, json: { title: 'Fixture', ownerEmail: subject.email } },
    { as: admin },
  );
  expect(item.status, await item.clone().text()).toBe(201);
  const actionItemId = ((await item.json()) as { id: string }).id;
  const ownActionItemIds = {} as Record<ActorName, string>;
  for (const spec of actorSpecs) {
    const own = await send(
      { method: 'POST', path: `/api/v1/reviews/${reviewId}/action-items`, json: { title: `Fixture of ${spec.name}`, ownerEmail: spec.email } },
      { as: admin },
    );
    expect(own.status, await own.clone().text()).toBe(201);
    ownActionItemIds[spec.name] = ((await own.json()) as { id: string }).id;
  }
  const empty = await send({ method: 'POST', path: '/api/v1/reviews', json: { month: EMPTY_REVIEW_MONTH, heldOn: '2024-09-05' } }, { as: admin });
  expect(empty.status, await empty.clone().text()).toBe(201);
  const emptyReviewId = ((await empty.json()) as { id: string }).id;

  // Finished jobs, written directly: viewers and executives cannot start one, but the rule is the same for all.
  const jobOf = async (user: TestUser) => {
    const [job] = await harness.db
      .insert(schema.importJobs)
      .values({ userId: user.id, fileName: 'fixture.csv', dryRun: true, rows: 0, status: 'done', result: null, finishedAt: new Date() })
      .returning({ id: schema.importJobs.id });
    if (!job) throw new Error('no fixture job');
    return job.id;
  };
  const jobIds = {} as Record<ActorName, string>;
  for (const spec of actorSpecs) jobIds[spec.name] = await jobOf(users[spec.name]);

  fixtures = { users, tokenIds, subject, subjectTokenId: await createToken(subject), signalId, incidentId, incidentVersion, settings, reviewId, actionItemId, ownActionItemIds, emptyReviewId, jobIds, subjectJobId: await jobOf(subject) };
});

async function createToken(user: TestUser): Promise<string> {
  const response = await send({ method: 'POST', path: '/api/v1/tokens', json: { name: 'fixture' } }, { as: user });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function send(call: Call, credentials: { as?: TestUser; authorization?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  if (credentials.authorization) headers.authorization = credentials.authorization;
  let body: string | undefined;
  if (call.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = call.csv;
  } else if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  return harness.request(call.path, { method: call.method, headers, ...(body === undefined ? {} : { body }), ...(credentials.as ? { as: credentials.as } : {}) });
}

/** Sends the call in a rolled-back transaction; returns the answer and whether the data changed. */
async function attempt(call: Call, credentials: { as?: TestUser; authorization?: string }) {
  return harness.rollback(async () => {
    const before = await fingerprint(harness.db);
    const response = await send(call, credentials);
    const text = await response.text();
    // Work that goes on after a 202 (an import job) must end before the transaction is rolled back.
    const location = response.headers.get('location');
    if (response.status === 202 && location) {
      await harness.untilJobEnds(location, credentials.authorization ? { headers: { authorization: credentials.authorization } } : credentials);
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, before, after: await fingerprint(harness.db) };
  });
}

function expectDenied(outcome: Awaited<ReturnType<typeof attempt>>, status: 401 | 403): void {
  expect(outcome.status, outcome.text).toBe(status);
  expect(outcome.contentType).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(outcome.text)).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(outcome.after, 'a refused request changed the database').toEqual(outcome.before);
}

// ---------------------------------------------------------------------------------------------
// The generated cases

interface ProtectedUse {
  operation: DocumentedOperation;
  use: RouteUse;
  key: string;
}

const protectedUses: ProtectedUse[] = documented.flatMap((operation) => {
  const rule = ruleOf(operation.key);
  if (rule?.access !== 'protected') return [];
  return rule.uses.map((use) => ({ operation, use, key: useKey(operation.key, use) }));
});
const publicOperations = documented.filter((operation) => ruleOf(operation.key)?.access === 'public');

const firstUseOfEachOperation = protectedUses.filter(
  (candidate, index) => protectedUses.findIndex((other) => other.operation.key === candidate.operation.key) === index,
);
const credentialCases = firstUseOfEachOperation.flatMap(({ operation, key }) => [
    { name: `${operation.key} without credentials → 401`, key, authorization: undefined },
    { name: `${operation.key} with a garbage bearer token → 401`, key, authorization: 'Bearer adt_not-a-real-token' },
  ]);

const roleCases = protectedUses.flatMap(({ operation, use, key }) =>
  actorSpecs.map((spec) => {
    const yes = allowed(spec, use);
    return {
      name: `${key} as ${spec.name} → ${yes ? documented2xx(operation).join('/') : '403'}`,
      operation,
      key,
      actor: spec.name,
      yes,
    };
  }),
);

function documented2xx(operation: DocumentedOperation): number[] {
  return operation.statuses.filter((status) => status >= 200 && status < 300);
}

describe('the rule table covers the OpenAPI document', () => {
  it('has a rule for every documented operation', () => {
    const missing = documented.filter((operation) => !ruleOf(operation.key)).map((operation) => operation.key);
    expect(missing, `add a rule for ${missing.join(', ')} to apps/api/test/route-rules.ts`).toEqual([]);
  });

  it('has no rule for an operation that is gone', () => {
    const stale = Object.keys(routeRules).filter((key) => !documentedByKey.has(key as OperationKey));
    expect(stale, `remove the rules of ${stale.join(', ')} from apps/api/test/route-rules.ts, or document the routes`).toEqual([]);
  });

  it('has a valid request for every protected use, and none for a use that is gone', () => {
    const keys = protectedUses.map(({ key }) => key);
    const missing = keys.filter((key) => !Object.hasOwn(requests, key));
    expect(missing, `add requests for ${missing.join(', ')} to apps/api/test/access-matrix.test.ts`).toEqual([]);
    expect(Object.keys(requests).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('documents which operations need credentials', () => {
    for (const operation of documented) {
      const needsCredentials = ruleOf(operation.key)?.access === 'protected';
      expect((operation.security ?? []).length > 0, `${operation.key}: security in the OpenAPI document`).toBe(needsCredentials);
    }
  });
});

describe('public operations', () => {
  const publicCalls: Record<string, Call> = {
    'GET /api/health': { method: 'GET', path: '/api/health' },
    'POST /api/v1/auth/login': { method: 'POST', path: '/api/v1/auth/login', json: { email: 'admin@example.com', password: 'admin-password-123' } },
    ...Object.fromEntries(undocumentedPublicPaths.map((path) => [`GET ${path}`, { method: 'GET', path }])),
  };

  it.each([...publicOperations.map((operation) => operation.key), ...undocumentedPublicPaths.map((path) => `GET ${path}`)])(
    '%s answers without credentials',
    async (key) => {
      const call = publicCalls[key];
      if (!call) throw new Error(`add a request for the public operation ${key} to access-matrix.test.ts`);
      const outcome = await harness.rollback(async () => send(call).then((response) => response.status));
      expect(outcome).toBe(200);
    },
  );
});

describe('credentials', () => {
  // Named tuples: vitest shortens a `$name` in titles, never a `%s`.
  it.each(credentialCases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, { key, authorization }) => {
    const request = requests[key];
    if (!request) throw new Error(`no request for ${key}`);
    expectDenied(await attempt(request(fixtures, 'admin'), authorization ? { authorization } : {}), 401);
  });
});

describe('role × route × own/other area', () => {
  it.each(roleCases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, { operation, key, actor, yes }) => {
    const request = requests[key];
    if (!request) throw new Error(`no request for ${key}`);
    const call = request(fixtures, actor);
    const outcome = await attempt(call, { as: fixtures.users[actor] });
    if (!yes) {
      expectDenied(outcome, 403);
      return;
    }
    expect(documented2xx(operation), `${outcome.status} ${outcome.text.slice(0, 300)}`).toContain(outcome.status);
    if (call.method !== 'GET') expect(outcome.after, 'an allowed write changed nothing').not.toEqual(outcome.before);
  });
});

// ---------------------------------------------------------------------------------------------
// The brief, written by hand: does `can()` (through the rule table) still say this?

describe('the rules of the brief', () => {
  const expectations: [use: string, actor: ActorName, outcome: 'allowed' | 'denied'][] = [
    ['PUT /api/v1/areas/{slug}/months/{month}', 'area_lead (own area)', 'allowed'],
    ['PUT /api/v1/areas/{slug}/months/{month}', 'area_lead (other area)', 'denied'],
    ['DELETE /api/v1/areas/{slug}/months/{month}', 'area_lead (own area)', 'allowed'],
    ['DELETE /api/v1/areas/{slug}/months/{month}', 'area_lead (other area)', 'denied'],
    ['DELETE /api/v1/areas/{slug}/months/{month}', 'executive', 'denied'],
    ['POST /api/v1/imports/metrics', 'area_lead (own area)', 'allowed'],
    ['POST /api/v1/imports/metrics', 'area_lead (other area)', 'denied'],
    ['POST /api/v1/imports/metrics/jobs', 'area_lead (own area)', 'allowed'],
    ['POST /api/v1/imports/metrics/jobs', 'area_lead (other area)', 'denied'],
    ['GET /api/v1/imports/jobs/{id} (own job)', 'viewer', 'allowed'],
    ["GET /api/v1/imports/jobs/{id} (another user's job)", 'executive', 'denied'],
    ["GET /api/v1/imports/jobs/{id} (another user's job)", 'area_lead (own area)', 'denied'],
    ['PATCH /api/v1/areas/{slug} (name or description)', 'area_lead (own area)', 'allowed'],
    ['PATCH /api/v1/areas/{slug} (name or description)', 'area_lead (other area)', 'denied'],
    ['PATCH /api/v1/areas/{slug} (lead or status)', 'area_lead (own area)', 'denied'],
    ['PATCH /api/v1/signals/{id}', 'executive', 'allowed'],
    ['PATCH /api/v1/signals/{id}', 'area_lead (own area)', 'denied'],
    ['PATCH /api/v1/incidents/{id}', 'executive', 'allowed'],
    ['PATCH /api/v1/incidents/{id}', 'area_lead (own area)', 'denied'],
    ['POST /api/v1/incidents/decisions', 'area_lead (own area)', 'denied'],
    ['POST /api/v1/incidents/{id}/comments', 'area_lead (own area)', 'allowed'],
    ['POST /api/v1/incidents/{id}/comments', 'area_lead (other area)', 'denied'],
    ['POST /api/v1/incidents/{id}/comments', 'executive', 'allowed'],
    ['POST /api/v1/incidents/{id}/comments', 'viewer', 'denied'],
    ['PUT /api/v1/settings', 'executive', 'denied'],
    ['POST /api/v1/assessments/rebuild', 'executive', 'denied'],
    ['PUT /api/v1/areas/{slug}/months/{month}', 'executive', 'denied'],
    ['PUT /api/v1/areas/{slug}/months/{month}', 'viewer', 'denied'],
    ['POST /api/v1/users', 'executive', 'denied'],
    ['POST /api/v1/areas', 'area_lead (own area)', 'denied'],
    ["DELETE /api/v1/tokens/{id} (another user's token)", 'executive', 'denied'],
    ['DELETE /api/v1/tokens/{id} (own token)', 'viewer', 'allowed'],
    ['GET /api/v1/audit', 'viewer', 'allowed'],
    ['POST /api/v1/reviews', 'executive', 'allowed'],
    ['POST /api/v1/reviews', 'area_lead (own area)', 'denied'],
    ['POST /api/v1/reviews/{id}/decisions', 'viewer', 'denied'],
    ["PATCH /api/v1/reviews/{id}/action-items/{itemId} (another user's item)", 'executive', 'allowed'],
    ["PATCH /api/v1/reviews/{id}/action-items/{itemId} (another user's item)", 'area_lead (own area)', 'denied'],
    ["PATCH /api/v1/reviews/{id}/action-items/{itemId} (own item's status or note)", 'area_lead (own area)', 'allowed'],
    ["PATCH /api/v1/reviews/{id}/action-items/{itemId} (own item's status or note)", 'viewer', 'allowed'],
    ["PATCH /api/v1/reviews/{id}/action-items/{itemId} (own item's due date)", 'area_lead (own area)', 'denied'],
    ["PATCH /api/v1/reviews/{id}/action-items/{itemId} (own item's due date)", 'executive', 'allowed'],
    ['DELETE /api/v1/reviews/{id}', 'admin', 'allowed'],
    ['DELETE /api/v1/reviews/{id}', 'executive', 'denied'],
    ['POST /api/v1/reviews/{id}/snapshot', 'admin', 'allowed'],
    ['POST /api/v1/reviews/{id}/snapshot', 'executive', 'denied'],
  ];

  function outcomeOf(key: string, actor: ActorName): 'allowed' | 'denied' {
    const found = protectedUses.find((candidate) => candidate.key === key);
    const spec = actorSpecs.find((candidate) => candidate.name === actor);
    if (!found || !spec) throw new Error(`${key} as ${actor} is not in the matrix`);
    return allowed(spec, found.use) ? 'allowed' : 'denied';
  }

  it.each(expectations)('%s as %s: %s', (key, actor, outcome) => {
    expect(outcomeOf(key, actor)).toBe(outcome);
  });

  it('lets admins do everything', () => {
    expect(protectedUses.filter(({ key }) => outcomeOf(key, 'admin') === 'denied').map(({ key }) => key)).toEqual([]);
  });

  it("lets every role read everything but the user list and other people's import jobs", () => {
    const reads = protectedUses.filter(({ operation }) => operation.method === 'GET').map(({ key }) => key);
    for (const actor of ['executive', 'area_lead (own area)', 'area_lead (other area)', 'viewer'] as const) {
      expect(reads.filter((key) => outcomeOf(key, actor) === 'denied').sort(), actor).toEqual(
        ['GET /api/v1/users', "GET /api/v1/imports/jobs/{id} (another user's job)"].sort(),
      );
    }
  });

  it('lets viewers write nothing but their own tokens, session and the action items they own', () => {
    const writes = protectedUses.filter(({ operation }) => operation.method !== 'GET').map(({ key }) => key);
    expect(writes.filter((key) => outcomeOf(key, 'viewer') === 'allowed').sort()).toEqual(
      [
        'DELETE /api/v1/tokens/{id} (own token)',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/password',
        'POST /api/v1/tokens',
        "PATCH /api/v1/reviews/{id}/action-items/{itemId} (own item's status or note)",
      ].sort(),
    );
  });

  it('lets area leads write only the area they lead: figures (and removing a month), targets, description, imports, comments on its signals', () => {
    const writes = protectedUses.filter(({ operation, use }) => operation.method !== 'GET' && use.area !== 'none').map(({ key }) => key);
    expect(writes.filter((key) => outcomeOf(key, 'area_lead (other area)') === 'allowed')).toEqual([]);
    expect(writes.filter((key) => outcomeOf(key, 'area_lead (own area)') === 'allowed').sort()).toEqual(
      [
        'DELETE /api/v1/areas/{slug}/months/{month}',
        'PATCH /api/v1/areas/{slug} (name or description)',
        'POST /api/v1/areas/{slug}/targets',
        'POST /api/v1/imports/metrics',
        'POST /api/v1/imports/metrics/jobs',
        'POST /api/v1/incidents/{id}/comments',
        'PUT /api/v1/areas/{slug}/months/{month}',
      ].sort(),
    );
  });
});
