import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  areaFixture,
  areaMonthFixture,
  auditEventFixture,
  figuresFixture,
  settingsFixture,
  signalFixture,
  targetChangeFixture,
  userAccountFixture,
} from '../test-support/fixtures.ts';
import {
  ApiError,
  createApiToken,
  createUserAccount,
  etagOfVersion,
  fetchAllMyTokens,
  fetchAllSignals,
  fetchAllUsers,
  fetchAreaForEdit,
  fetchAreaMonthForEdit,
  fetchAreaTargets,
  fetchAuditPage,
  fetchPortfolio,
  fetchTargetChangesPage,
  importMetrics,
  saveAreaMonth,
  saveSettings,
  saveTargetChange,
  setUnauthorizedHandler,
  signIn,
  revokeApiToken,
  updateArea,
  updateSignalStatus,
  updateUserAccount,
} from './api.ts';
import { shouldRetry } from './query-client.ts';

function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const emptyPortfolio = {
  month: null,
  rules: { windowMonths: 3, ownershipFallThreshold: 5, centralisationRiseThreshold: 5 },
  months: [],
  monthCoverage: [],
  organisation: {
    ownershipIndex: null,
    centralisationIndex: null,
    ownershipDelta: null,
    centralisationDelta: null,
    areasWithFigures: 0,
    areasWithCompleteWindow: 0,
    areasInDrift: 0,
    shareInDrift: null,
  },
  coverage: { reported: 0, active: 0 },
  areas: [],
  notReported: [],
};

function stubFetch(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

describe('the API client', () => {
  it('sends the session cookie and the month, and returns the parsed body', async () => {
    const fetchMock = stubFetch(jsonResponse(emptyPortfolio));
    await expect(fetchPortfolio('2024-09')).resolves.toEqual(emptyPortfolio);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/portfolio?month=2024-09');
    expect(init?.credentials).toBe('same-origin');
  });

  it('rejects a body that breaks the contract, naming the field', async () => {
    stubFetch(jsonResponse({ ...emptyPortfolio, months: ['September'] }));
    const error = await fetchPortfolio(undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.title).toBe('Unexpected response from the server');
    expect((error as ApiError).fieldErrors[0]?.path).toBe('months.0');
  });

  it('carries the problem of a failed request, CSV rows and columns included', async () => {
    const problem = {
      type: 'https://example.com/problems/validation',
      title: 'Invalid CSV',
      status: 422,
      detail: '2 rows break the rules',
      errors: [{ path: 'revenue_target', message: 'must be 0 or more', row: 3, column: 'revenue_target' }],
    };
    stubFetch(jsonResponse(problem, 422, 'application/problem+json'));
    const error = await importMetrics(new Blob(['a,b']), { dryRun: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).fieldErrors).toEqual(problem.errors);
  });

  it('keeps the status when an error body is not a problem document', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await fetchPortfolio(undefined).catch((caught: unknown) => caught);
    expect((error as ApiError).problem).toMatchObject({ status: 502, title: 'Bad Gateway' });
  });

  it('turns a network failure into a problem a person can read', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('fetch failed')));
    const error = await fetchPortfolio(undefined).catch((caught: unknown) => caught);
    expect((error as ApiError).problem.title).toBe('Cannot reach the server');
  });

  it('sends the reader to sign-in on a 401, except for a failed sign-in', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const unauthorized = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Sign in first' };

    stubFetch(jsonResponse(unauthorized, 401));
    await expect(fetchPortfolio(undefined)).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    stubFetch(jsonResponse(unauthorized, 401));
    await expect(signIn({ email: 'a@example.com', password: 'wrong' })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe('the signals and settings endpoints', () => {
  it('follows the cursor until every signal is in', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse({ items: [signalFixture({ id: 'a' })], nextCursor: 'next-page' }))
      .mockResolvedValueOnce(jsonResponse({ items: [signalFixture({ id: 'b' })], nextCursor: null }));
    vi.stubGlobal('fetch', fetchMock);

    const signals = await fetchAllSignals({ area: 'payments', month: undefined });
    expect(signals.map((signal) => signal.id)).toEqual(['a', 'b']);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/signals?area=payments&limit=1000',
      '/api/v1/signals?area=payments&limit=1000&cursor=next-page',
    ]);
  });

  it('writes a version as the ETag the API gives it', () => {
    expect(etagOfVersion(0)).toBe('"0"');
    expect(etagOfVersion(12)).toBe('"12"');
  });

  it('sends a status change as JSON and carries a conflict as a problem', async () => {
    const conflict = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The data has cleared this signal' };
    const fetchMock = stubFetch(jsonResponse(conflict, 409, 'application/problem+json'));
    const error = await updateSignalStatus('id-1', { status: 'acknowledged' }, { ifMatch: '"1"' }).catch((caught: unknown) => caught);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/signals/id-1');
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe('{"status":"acknowledged"}');
    expect((error as ApiError).problem.detail).toBe('The data has cleared this signal');
  });

  it('always decides on a signal with If-Match, and returns the signal at its new version', async () => {
    const decided = signalFixture({ status: 'dismissed', statusReason: 'Reorganisation was planned', version: 3 });
    const fetchMock = stubFetch(jsonResponse(decided));
    const update = { status: 'dismissed', reason: 'Reorganisation was planned' } as const;
    await expect(updateSignalStatus('id-1', update, { ifMatch: '"2"' })).resolves.toEqual(decided);
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(new Headers(init?.headers).get('If-Match')).toBe('"2"');
    expect(JSON.parse(String(init?.body))).toEqual(update);
  });

  it('carries a decision on a stale version as a 412 problem', async () => {
    const stale = { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'This signal changed since you read it (now acknowledged)' };
    stubFetch(jsonResponse(stale, 412, 'application/problem+json'));
    const error = await updateSignalStatus('id-1', { status: 'resolved' }, { ifMatch: '"1"' }).catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(412);
    expect((error as ApiError).problem.detail).toMatch(/now acknowledged/);
  });

  it('always saves settings with If-Match, and returns them at their new version', async () => {
    const saved = { settings: settingsFixture(), defaults: settingsFixture(), updatedAt: '2026-11-02T09:30:00.000Z', version: 1 };
    const fetchMock = stubFetch(jsonResponse(saved));
    await expect(saveSettings(settingsFixture(), { ifMatch: '"0"' })).resolves.toEqual(saved);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/settings');
    expect(init?.method).toBe('PUT');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"0"');
    expect(JSON.parse(String(init?.body))).toEqual(settingsFixture());
  });

  it('carries settings saved on a stale version as a 412 problem', async () => {
    const stale = { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'The settings changed since you read them' };
    stubFetch(jsonResponse(stale, 412, 'application/problem+json'));
    const error = await saveSettings(settingsFixture(), { ifMatch: '"0"' }).catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(412);
  });

  it('keeps the field paths of refused settings', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid settings',
      status: 422,
      detail: '1 setting breaks the rules',
      errors: [{ path: 'windowMonths', message: 'must be a whole number ≥ 1' }],
    };
    stubFetch(jsonResponse(problem, 422, 'application/problem+json'));
    const settings = { ...settingsFixture(), windowMonths: 0 };
    const error = await saveSettings(settings, { ifMatch: '"4"' }).catch((caught: unknown) => caught);
    expect((error as ApiError).fieldErrors).toEqual(problem.errors);
  });
});

describe('the figures and audit endpoints', () => {
  const withEtag = (body: unknown, etag: string | null, status = 200) => {
    const response = jsonResponse(body, status);
    if (etag) response.headers.set('ETag', etag);
    return response;
  };

  it('reads a month with the ETag of its version', async () => {
    const fetchMock = stubFetch(withEtag(areaMonthFixture(), '"3"'));
    await expect(fetchAreaMonthForEdit('checkout', '2026-10')).resolves.toEqual({ areaMonth: areaMonthFixture(), etag: '"3"' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/areas/checkout/months/2026-10');
  });

  it('refuses a month without an ETag rather than save blind later', async () => {
    stubFetch(withEtag(areaMonthFixture(), null));
    const error = await fetchAreaMonthForEdit('checkout', '2026-10').catch((caught: unknown) => caught);
    expect((error as ApiError).problem.detail).toMatch(/no ETag/);
  });

  it('saves the figures alone, with If-Match, and returns the new ETag', async () => {
    const fetchMock = stubFetch(withEtag(areaMonthFixture({ version: 4 }), '"4"'));
    const saved = await saveAreaMonth('checkout', '2026-10', figuresFixture(), { ifMatch: '"3"' });
    expect(saved).toEqual({ areaMonth: areaMonthFixture({ version: 4 }), etag: '"4"', created: false });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/areas/checkout/months/2026-10');
    expect(init?.method).toBe('PUT');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"3"');
    expect(JSON.parse(String(init?.body))).toEqual(figuresFixture());
  });

  it('adds a new month without If-Match and says it was created', async () => {
    const fetchMock = stubFetch(withEtag(areaMonthFixture({ month: '2026-11', version: 1 }), '"1"', 201));
    const saved = await saveAreaMonth('checkout', '2026-11', figuresFixture(), { ifMatch: null });
    expect(saved.created).toBe(true);
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).has('If-Match')).toBe(false);
  });

  it('carries a stale ETag’s 412 as a problem', async () => {
    const stale = { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'These figures changed since you read them' };
    stubFetch(jsonResponse(stale, 412, 'application/problem+json'));
    const error = await saveAreaMonth('checkout', '2026-10', figuresFixture(), { ifMatch: '"3"' }).catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(412);
  });

  it('asks for one area’s audit events a page at a time', async () => {
    const fetchMock = stubFetch(jsonResponse({ items: [auditEventFixture()], nextCursor: 'next' }));
    const page = await fetchAuditPage({ area: 'checkout', limit: 20, cursor: undefined });
    expect(page.nextCursor).toBe('next');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/audit?area=checkout&limit=20');
  });
});

describe('the area details endpoints', () => {
  const withEtag = (body: unknown, etag: string | null, status = 200) => {
    const response = jsonResponse(body, status);
    if (etag) response.headers.set('ETag', etag);
    return response;
  };

  it('reads an area with the ETag of its version, all its leads included', async () => {
    const area = areaFixture({ leadEmails: ['marcus.chen@demo.example', 'priya.raman@demo.example'] });
    const fetchMock = stubFetch(withEtag(area, '"5"'));
    await expect(fetchAreaForEdit('checkout')).resolves.toEqual({ area, etag: '"5"' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/areas/checkout');
  });

  it('refuses an area without an ETag rather than save blind later', async () => {
    stubFetch(withEtag(areaFixture(), null));
    const error = await fetchAreaForEdit('checkout').catch((caught: unknown) => caught);
    expect((error as ApiError).problem.detail).toMatch(/no ETag/);
  });

  it('always sends a change with If-Match, and returns the new ETag', async () => {
    const fetchMock = stubFetch(withEtag(areaFixture({ description: 'New words' }), '"6"'));
    const saved = await updateArea('checkout', { description: 'New words' }, { ifMatch: '"5"' });
    expect(saved).toEqual({ area: areaFixture({ description: 'New words' }), etag: '"6"' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/areas/checkout');
    expect(init?.method).toBe('PATCH');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"5"');
    expect(JSON.parse(String(init?.body))).toEqual({ description: 'New words' });
  });

  it('carries a stale ETag’s 412 as a problem', async () => {
    const stale = { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'This area changed since you read it' };
    stubFetch(jsonResponse(stale, 412, 'application/problem+json'));
    const error = await updateArea('checkout', { name: 'Basket' }, { ifMatch: '"5"' }).catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(412);
  });

  it('follows the cursor until every user is in', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse({ items: [userAccountFixture()], nextCursor: 'next-page' }))
      .mockResolvedValueOnce(jsonResponse({ items: [userAccountFixture({ id: 'u2', email: 'b@example.com' })], nextCursor: null }));
    vi.stubGlobal('fetch', fetchMock);
    const users = await fetchAllUsers();
    expect(users.map((user) => user.email)).toEqual(['priya.raman@demo.example', 'b@example.com']);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/v1/users?limit=1000', '/api/v1/users?limit=1000&cursor=next-page']);
  });
});

describe('the revenue targets endpoints', () => {
  it('reads each month’s target, planned or from the figures', async () => {
    const targets = {
      slug: 'checkout',
      months: [
        { month: '2026-10', revenueTarget: 120000, planned: false },
        { month: '2027-01', revenueTarget: 130000, planned: true },
      ],
    };
    const fetchMock = stubFetch(jsonResponse(targets));
    await expect(fetchAreaTargets('checkout')).resolves.toEqual(targets);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/areas/checkout/targets');
  });

  it('asks for the target changes a page at a time', async () => {
    const fetchMock = stubFetch(jsonResponse({ items: [targetChangeFixture()], nextCursor: 'next' }));
    const page = await fetchTargetChangesPage('checkout', { limit: 20, cursor: 'abc' });
    expect(page).toEqual({ items: [targetChangeFixture()], nextCursor: 'next' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/areas/checkout/targets/changes?limit=20&cursor=abc');
  });

  it('posts a change for a range as JSON and returns the change with its months', async () => {
    const result = { change: targetChangeFixture(), months: [{ month: '2027-01', revenueTarget: 130000, planned: true }] };
    const fetchMock = stubFetch(jsonResponse(result, 201));
    const request = { from: '2027-01', to: '2027-03', revenueTarget: 130000, reason: 'New enterprise contract signed' };
    await expect(saveTargetChange('checkout', request)).resolves.toEqual(result);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/areas/checkout/targets');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual(request);
  });

  it('keeps the field paths of a refused change, and the 403 of someone who may not set targets', async () => {
    const invalid = {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: '1 field breaks the rules',
      errors: [{ path: 'to', message: 'must not be before from' }],
    };
    stubFetch(jsonResponse(invalid, 422, 'application/problem+json'));
    const request = { from: '2027-04', to: '2027-03', revenueTarget: 1, reason: 'r' };
    const refused = await saveTargetChange('checkout', request).catch((caught: unknown) => caught);
    expect((refused as ApiError).fieldErrors).toEqual(invalid.errors);

    stubFetch(jsonResponse({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Your role (viewer) does not allow it' }, 403));
    const forbidden = await saveTargetChange('checkout', { ...request, from: '2027-01' }).catch((caught: unknown) => caught);
    expect((forbidden as ApiError).status).toBe(403);
  });

  it('rejects a change list that breaks the contract', async () => {
    stubFetch(jsonResponse({ items: [{ ...targetChangeFixture(), source: 'spreadsheet' }], nextCursor: null }));
    const error = await fetchTargetChangesPage('checkout', {}).catch((caught: unknown) => caught);
    expect((error as ApiError).fieldErrors[0]?.path).toBe('items.0.source');
  });
});

describe('shouldRetry', () => {
  const problem = (status: number) => new ApiError({ type: 'about:blank', title: 't', status, detail: '' });

  it('does not retry client errors, which a retry cannot fix', () => {
    expect(shouldRetry(0, problem(404))).toBe(false);
    expect(shouldRetry(0, problem(401))).toBe(false);
  });

  it('retries outages twice', () => {
    expect(shouldRetry(0, problem(503))).toBe(true);
    expect(shouldRetry(2, problem(503))).toBe(false);
  });
});

// ---- Access: personal API tokens and user accounts --------------------------------------------
// Imported here rather than at the top so this block stays one self-contained addition.

describe('the API token endpoints', () => {
  const listed = { id: 't1', name: 'CRM sync', createdAt: '2026-03-02T09:00:00.000Z', lastUsedAt: null, revokedAt: null };

  it('follows the cursor until every token of mine is in', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse({ items: [listed], nextCursor: 'next-page' }))
      .mockResolvedValueOnce(jsonResponse({ items: [{ ...listed, id: 't2', revokedAt: '2026-03-03T09:00:00.000Z' }], nextCursor: null }));
    vi.stubGlobal('fetch', fetchMock);
    const tokens = await fetchAllMyTokens();
    expect(tokens.map((token) => token.id)).toEqual(['t1', 't2']);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/v1/tokens?limit=1000', '/api/v1/tokens?limit=1000&cursor=next-page']);
  });

  it('creates a named token and returns its secret, the one time the API sends it', async () => {
    const fetchMock = stubFetch(jsonResponse({ ...listed, token: 'adt_secret' }, 201));
    await expect(createApiToken({ name: 'CRM sync' })).resolves.toEqual({ id: 't1', name: 'CRM sync', token: 'adt_secret' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/tokens');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'CRM sync' });
  });

  it('revokes with a DELETE that answers 204 without a body', async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await expect(revokeApiToken('t1')).resolves.toBeUndefined();
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/tokens/t1');
    expect(init?.method).toBe('DELETE');
  });
});

describe('the user account endpoints', () => {
  it('creates a user with the admin’s body and keeps the field paths of a refusal', async () => {
    const fetchMock = stubFetch(jsonResponse(userAccountFixture({ email: 'vera@example.com', role: 'viewer', areaSlugs: [] }), 201));
    const body = { email: 'vera@example.com', name: 'Vera Viewer', role: 'viewer' as const, password: 'long-enough-1' };
    await expect(createUserAccount(body)).resolves.toMatchObject({ email: 'vera@example.com' });
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual(body);

    const refused = {
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'The request body has invalid values.',
      errors: [{ path: 'password', message: 'must be at least 10 characters' }],
    };
    stubFetch(jsonResponse(refused, 422, 'application/problem+json'));
    const error = await createUserAccount({ ...body, password: 'short' }).catch((caught: unknown) => caught);
    expect((error as ApiError).fieldErrors).toEqual(refused.errors);
  });

  it('always sends a change with If-Match naming the version that was read', async () => {
    const fetchMock = stubFetch(jsonResponse(userAccountFixture({ active: false, version: 4 })));
    const saved = await updateUserAccount('user-priya', { active: false }, { version: 3 });
    expect(saved.version).toBe(4);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/users/user-priya');
    expect(init?.method).toBe('PATCH');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"3"');
    expect(JSON.parse(String(init?.body))).toEqual({ active: false });
  });

  it('carries a stale version’s 412 and a refused self-demotion’s 409 with the server’s words', async () => {
    const stale = { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'This user changed since you read it' };
    stubFetch(jsonResponse(stale, 412, 'application/problem+json'));
    const staleError = await updateUserAccount('user-priya', { role: 'viewer' }, { version: 3 }).catch((caught: unknown) => caught);
    expect((staleError as ApiError).status).toBe(412);

    const selfLockout = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'You cannot deactivate your own account' };
    stubFetch(jsonResponse(selfLockout, 409, 'application/problem+json'));
    const conflict = await updateUserAccount('me', { active: false }, { version: 1 }).catch((caught: unknown) => caught);
    expect((conflict as ApiError).status).toBe(409);
    expect((conflict as ApiError).problem.detail).toBe(selfLockout.detail);
  });
});
