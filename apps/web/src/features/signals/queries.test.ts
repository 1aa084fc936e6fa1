import { afterEach, describe, expect, it, vi } from 'vitest';
import { signalDetailFixture, signalFixture } from '../../test-support/fixtures.ts';
import { ApiError } from '../../lib/api.ts';
import { decideOnSignal, SignalChangedError } from './queries.ts';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const stale = { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'This signal changed since you read it' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('decideOnSignal', () => {
  it('sends the version the person saw as If-Match', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(signalFixture({ status: 'acknowledged', version: 2 })));
    vi.stubGlobal('fetch', fetchMock);
    await decideOnSignal({ id: 'signal-1', update: { status: 'acknowledged' }, version: 1 });
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('If-Match')).toBe('"1"');
  });

  it('reads the signal again after a 412, and carries it in the refusal', async () => {
    const latest = signalDetailFixture();
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse(stale, 412))
      .mockResolvedValueOnce(jsonResponse(latest));
    vi.stubGlobal('fetch', fetchMock);
    const error = await decideOnSignal({ id: 'signal-1', update: { status: 'resolved' }, version: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignalChangedError);
    expect((error as SignalChangedError).latest).toEqual(latest);
    expect(fetchMock.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['PATCH', '/api/v1/signals/signal-1'],
      ['GET', '/api/v1/signals/signal-1'],
    ]);
  });

  it('passes any other refusal on as it came', async () => {
    const cleared = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The data cleared this signal' };
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(cleared, 409)));
    const error = await decideOnSignal({ id: 'signal-1', update: { status: 'resolved' }, version: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
  });
});
