import { afterEach, describe, expect, it, vi } from 'vitest';
import { settingsFixture } from '../../test-support/fixtures.ts';
import { saveSettingsOnVersion, SettingsChangedError } from './queries.ts';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('saveSettingsOnVersion', () => {
  const saved = (version: number, windowMonths = 3) => ({
    settings: { ...settingsFixture(), windowMonths },
    defaults: settingsFixture(),
    updatedAt: '2026-11-02T09:30:00.000Z',
    version,
  });

  it('sends the version the form was filled in from as If-Match, the defaults’ 0 included', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(saved(1)));
    vi.stubGlobal('fetch', fetchMock);
    await expect(saveSettingsOnVersion({ settings: settingsFixture(), version: 0 })).resolves.toEqual(saved(1));
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('If-Match')).toBe('"0"');
  });

  it('reads the settings again after a 412, and carries them in the refusal', async () => {
    const stale = { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'The settings changed since you read them' };
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(jsonResponse(stale, 412))
      .mockResolvedValueOnce(jsonResponse(saved(2, 6)));
    vi.stubGlobal('fetch', fetchMock);
    const error = await saveSettingsOnVersion({ settings: settingsFixture(), version: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SettingsChangedError);
    expect((error as SettingsChangedError).latest).toEqual(saved(2, 6));
    expect(fetchMock.mock.calls.map(([url, init]) => [init?.method, url])).toEqual([
      ['PUT', '/api/v1/settings'],
      ['GET', '/api/v1/settings'],
    ]);
  });
});
