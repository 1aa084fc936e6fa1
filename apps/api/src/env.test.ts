import { describe, expect, it } from 'vitest';
import { loadSettings } from './env.ts';

describe('loadSettings', () => {
  it('applies the brief’s defaults', () => {
    expect(loadSettings({})).toEqual({ PORT: 3000, HOST: '0.0.0.0', DATA_DIR: './.data', SEED_DEMO: true });
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
      }),
    ).toEqual({
      PORT: 8080,
      HOST: '127.0.0.1',
      DATA_DIR: '/tmp/autonomy',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/autonomy',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'a-long-password',
      SEED_DEMO: false,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadSettings({ DATABASE_URL: '', PORT: '' })).toMatchObject({ PORT: 3000 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SEED_DEMO: 'yes' }, /SEED_DEMO must be true or false/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
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
