import { describe, expect, it } from 'vitest';
import { loadSettings } from './env.ts';

describe('loadSettings', () => {
  it('applies the brief’s defaults', () => {
    expect(loadSettings({})).toEqual({ PORT: 3000, HOST: '0.0.0.0', DATA_DIR: './.data', SEED_DEMO: true, TRUST_PROXY: 0 });
  });

  it('reads every setting', () => {
    expect(
      loadSettings({
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/tmp/autonomy',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/autonomy',
        ADMIN_EMAIL: 'admin@example.com',
        ADMIN_PASSWORD: 'a-long-password',
        SEED_DEMO: 'false',
        TRUST_PROXY: '2',
      }),
    ).toEqual({
      PORT: 8080,
      HOST: '127.0.0.1',
      DATA_DIR: '/tmp/autonomy',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/autonomy',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'a-long-password',
      SEED_DEMO: false,
      TRUST_PROXY: 2,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadSettings({ DATABASE_URL: '', PORT: '' })).toMatchObject({ PORT: 3000 });
  });

  it.each([
    ['false', 0],
    ['0', 0],
    ['true', 1],
    ['1', 1],
    ['3', 3],
  ])('reads TRUST_PROXY=%s as %i trusted proxies', (value, proxies) => {
    expect(loadSettings({ TRUST_PROXY: value }).TRUST_PROXY).toBe(proxies);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SEED_DEMO: 'yes' }, /SEED_DEMO must be true or false/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be false, true, or the number of proxies/],
    [{ TRUST_PROXY: '-1' }, /TRUST_PROXY must be false, true, or the number of proxies/],
    [{ TRUST_PROXY: '1.5' }, /TRUST_PROXY must be false, true, or the number of proxies/],
    [{ TRUST_PROXY: '10.0.0.0/8' }, /TRUST_PROXY must be false, true, or the number of proxies/],
    [{ ADMIN_EMAIL: 'admin@example.com' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    [{ ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD must be at least 10 characters/],
  ])('refuses %o with a one-line reason', (env, reason) => {
    expect(() => loadSettings(env)).toThrow(reason);
    try {
      loadSettings(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
