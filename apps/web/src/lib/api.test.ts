import { afterEach, describe, expect, it, vi } from 'vitest';
import { areaMonthFixture, auditEventFixture, figuresFixture, settingsFixture, signalFixture } from '../test-support/fixtures.ts';
import {
  ApiError,
  fetchAllSignals,
  fetchAreaMonthForEdit,
  fetchAuditPage,
  fetchPortfolio,
  importMetrics,
  saveAreaMonth,
  saveSettings,
  setUnauthorizedHandler,
  signIn,
  updateSignalStatus,
} from './api.ts';
import { shouldRetry } from './query-client.ts';

function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const emptyPortfolio = {
  month: null,
  rules: { windowMonths: 3, ownershipFallThreshold: 5, centralisationRiseThreshold: 5 },
  months: [],
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
  areas: [],
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

  it('sends a status change as JSON and carries a conflict as a problem', async () => {
    const conflict = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The data has cleared this signal' };
    const fetchMock = stubFetch(jsonResponse(conflict, 409, 'application/problem+json'));
    const error = await updateSignalStatus('id-1', { status: 'acknowledged' }).catch((caught: unknown) => caught);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/signals/id-1');
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe('{"status":"acknowledged"}');
    expect((error as ApiError).problem.detail).toBe('The data has cleared this signal');
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
    const error = await saveSettings(settings).catch((caught: unknown) => caught);
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
