import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMetricsCsv } from '@autonomy/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFigures } from './harness.ts';

// A rolling deploy stops a replica with SIGTERM while it works. The server, run as it runs in
// production (its own process, on its embedded database in a folder), must stop taking
// connections at once, finish the import it is running, and exit cleanly; the import is there on
// the next start. One Node process (tsx as a loader), so the signal reaches the server itself.
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const ADMIN = { email: 'admin@example.com', password: 'graceful-admin-password' };
const dataDir = mkdtempSync(join(tmpdir(), 'graceful-stop-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Running {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: apiRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return { child, baseUrl, output: () => output, exited };
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start: ${output}`);
}

async function signIn(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** 400 areas × 48 months: an import of some seconds on the embedded database. */
const csv = formatMetricsCsv(
  Array.from({ length: 400 * 48 }, (_, i) => {
    const area = `area-${Math.floor(i / 48)}`;
    const month = `${2020 + Math.floor((i % 48) / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return { areaSlug: area, areaName: area, month, ...exampleFigures, hiresLeadOwned: i % 4 };
  }),
);

describe('a graceful stop (SIGTERM)', () => {
  it('refuses new connections at once, finishes the import in progress, exits 0, and the import is there after', async () => {
    const first = await start();
    const cookie = await signIn(first.baseUrl);
    const accepted = await fetch(`${first.baseUrl}/api/v1/imports/metrics/jobs?fileName=big.csv`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(accepted.status, await accepted.clone().text()).toBe(202);
    const jobPath = accepted.headers.get('location') ?? '';
    const running = (await (await fetch(`${first.baseUrl}${jobPath}`, { headers: { cookie } })).json()) as { status: string };
    expect(running.status).toBe('running');

    first.child.kill('SIGTERM');
    // The embedded database works on the server's own thread: the signal is handled at its next turn.
    for (const deadline = Date.now() + 15_000; !first.output().includes('SIGTERM: no new connections') && Date.now() < deadline; ) await sleep(50);
    // From then on no new connection is taken while the import goes on.
    const refused = await fetch(`${first.baseUrl}/api/health`).then(
      (response) => `answered ${response.status}`,
      (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? error),
    );
    expect(refused).toBe('ECONNREFUSED');

    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('SIGTERM: no new connections');
    expect(first.output()).toContain('Stopped.');

    const second = await start();
    try {
      const again = await signIn(second.baseUrl);
      const job = (await (await fetch(`${second.baseUrl}${jobPath}`, { headers: { cookie: again } })).json()) as { status: string; result?: { monthsCreated: number } };
      expect(job.status).toBe('done');
      expect(job.result?.monthsCreated).toBe(400 * 48);
      const areas = (await (await fetch(`${second.baseUrl}/api/v1/areas?limit=1000`, { headers: { cookie: again } })).json()) as { items: unknown[] };
      expect(areas.items).toHaveLength(400);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 240_000);
});
