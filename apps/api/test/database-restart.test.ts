/**
 * Issue 11, "outlives its database": the real server, in a child process, on a PostgreSQL cluster
 * of this test's own (initdb into a temporary folder, its own port; never the machine's shared
 * server), under concurrent reads and writes while the cluster is stopped with `-m immediate`, or
 * its postmaster killed with SIGKILL, and started again. The process must stay up (postgres.js
 * 3.4.9 used to throw from `nextWrite` on a null socket and take it down: see
 * patches/postgres@3.4.9.patch), data routes and health must answer 503 problem+json with
 * Retry-After within a bounded time while the database is away, service must resume by itself,
 * and every write acknowledged before the outage must still be there.
 *
 * It runs in both CI runs: it needs a cluster of its own whatever engine the suite uses, and it
 * takes about 25 s. It skips itself only where no PostgreSQL server binaries are installed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const apiRoot = join(root, 'apps/api');
const tsx = join(root, 'node_modules/.bin/tsx');

/** The newest installed PostgreSQL's binaries (Debian's layout), if any. */
function postgresBinaries(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

const binaries = postgresBinaries();

const ADMIN = { email: 'restart-admin@example.com', password: 'restart-admin-password-1' };
const CLIENTS = 12;
/** Generous but finite: an answer slower than this while the database is away is a failure. */
const ANSWER_BOUND_MS = 10_000;
const RESUME_DEADLINE_MS = 30_000;

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A throwaway cluster. initdb refuses to run as root, so as root its tools run as `postgres`. */
class Cluster {
  private constructor(
    readonly folder: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.folder, 'data');
  }

  static async create(bin: string): Promise<Cluster> {
    const folder = mkdtempSync(join(tmpdir(), 'database-restart-'));
    const cluster = new Cluster(folder, await freePort());
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(folder, uid, gid);
    }
    cluster.run(bin, 'initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    return cluster;
  }

  private run(bin: string, tool: string, args: string[]): void {
    const command = join(bin, tool);
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
  }

  start(bin: string): void {
    // Its own socket folder and port: nothing shared with the machine's server.
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.folder} -c fsync=off`;
    this.run(bin, 'pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.folder, 'log'), '-w', '-t', '30', 'start']);
  }

  /**
   * SIGKILL to the postmaster, as an out-of-memory killer would. Its backends notice and exit by
   * themselves; until they have, a new postmaster refuses to start (their shared memory is in use).
   */
  async kill(): Promise<void> {
    const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    const gone = Date.now() + 10_000;
    while (Date.now() < gone && isRunning(pid)) await sleep(50);
  }

  /** start(), tried again for a while: after a SIGKILL the old backends may still be leaving. */
  async startAgain(bin: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        this.start(bin);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(500);
      }
    }
  }

  stop(bin: string, mode: 'immediate' | 'fast'): void {
    this.run(bin, 'pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  remove(bin: string): void {
    try {
      this.stop(bin, 'immediate');
    } catch {
      // Not running.
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}

interface Answer {
  route: string;
  status: number;
  ms: number;
  startedAt: number;
  contentType: string;
  retryAfter: string | null;
  body: string;
}

describe.skipIf(!binaries)('the API outlives a PostgreSQL restart', () => {
  const bin = binaries ?? '';
  let cluster: Cluster;
  let api: ChildProcess;
  let baseUrl: string;
  let output = '';
  let cookie = '';

  beforeAll(async () => {
    cluster = await Cluster.create(bin);
    cluster.start(bin);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: cluster.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    };
    // Its own process group, so the end of the test stops tsx and its node, and nothing else.
    api = spawn(tsx, ['src/server.ts'], { cwd: apiRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    api.stdout?.on('data', keep);
    api.stderr?.on('data', keep);
    await waitUntilHealthy(60_000);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }, 120_000);

  afterAll(async () => {
    if (api?.pid !== undefined && api.exitCode === null && api.signalCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      process.kill(-api.pid, 'SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (api.exitCode === null && api.signalCode === null) process.kill(-api.pid, 'SIGKILL');
    }
    cluster?.remove(bin);
  }, 60_000);

  const alive = () => api.exitCode === null && api.signalCode === null;

  async function waitUntilHealthy(deadlineMs: number): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while (Date.now() < deadline) {
      if (!alive()) throw new Error(`The API exited (${api.exitCode ?? api.signalCode}):\n${output}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(200);
    }
    throw new Error(`The API was not healthy within ${deadlineMs} ms:\n${output}`);
  }

  async function send(route: string, init: RequestInit = {}): Promise<Answer> {
    const startedAt = Date.now();
    try {
      const response = await fetch(`${baseUrl}${route}`, {
        ...init,
        headers: { cookie, 'content-type': 'application/json', ...init.headers },
        signal: AbortSignal.timeout(ANSWER_BOUND_MS * 2),
      });
      const body = await response.text();
      return {
        route,
        status: response.status,
        ms: Date.now() - startedAt,
        startedAt,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
        body,
      };
    } catch (error) {
      // No answer at all (the process died, or a hang past twice the bound).
      return { route, status: 0, ms: Date.now() - startedAt, startedAt, contentType: '', retryAfter: null, body: String(error) };
    }
  }

  /**
   * One outage under load: `takeDatabaseAway` stops the cluster while 12 clients read and write;
   * then the checks of the issue, the cluster started again, and the checks that service resumed
   * and no acknowledged write was lost. `label` keeps each outage's new areas apart.
   */
  async function survivesOutage(label: string, takeDatabaseAway: () => Promise<void> | void): Promise<void> {
    const acknowledged: string[] = [];
    const answers: Answer[] = [];
    let running = true;
    let written = 0;

    // Each client alternates a write (a new area) and two reads, as fast as answers come.
    const client = async (id: number) => {
      while (running) {
        const slug = `${label}-c${id}-${written++}`;
        const write = await send('/api/v1/areas', { method: 'POST', body: JSON.stringify({ slug, name: `Area ${slug}` }) });
        answers.push(write);
        if (write.status >= 200 && write.status < 300) acknowledged.push(slug);
        answers.push(await send('/api/v1/areas'));
        answers.push(await send('/api/v1/audit'));
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, id) => client(id));

    // Load first: the stop must meet writes in flight, and find some already acknowledged.
    const loaded = Date.now() + 30_000;
    while (acknowledged.length < 2 * CLIENTS && Date.now() < loaded) await sleep(100);
    await sleep(500);
    expect(acknowledged.length, 'writes succeed before the stop').toBeGreaterThan(0);
    const acknowledgedBeforeStop = [...acknowledged];
    const stoppedAt = Date.now();
    await takeDatabaseAway();

    // While the database is away: the process stays, health says the database is down.
    await sleep(3_000);
    expect(alive(), `the API exited while the database was down:\n${output}`).toBe(true);
    const health = await send('/api/health');
    expect(health.status).toBe(503);
    expect(health.contentType).toContain('application/problem+json');
    expect(health.retryAfter).toMatch(/^\d+$/);
    expect(JSON.parse(health.body)).toMatchObject({ status: 503, database: 'down' });
    const down = await send('/api/v1/areas');
    expect(down.status).toBe(503);
    expect(down.contentType).toContain('application/problem+json');
    expect(down.retryAfter).toMatch(/^\d+$/);
    expect(down.ms).toBeLessThan(ANSWER_BOUND_MS);

    const restartedAt = Date.now();
    await cluster.startAgain(bin);
    await waitUntilHealthy(RESUME_DEADLINE_MS);
    expect(alive()).toBe(true);
    // Service is back for the clients too: a write after the restart is acknowledged.
    const deadline = Date.now() + RESUME_DEADLINE_MS;
    const resumedCount = () => answers.filter((a) => a.startedAt > restartedAt && a.route === '/api/v1/areas' && a.status === 201).length;
    while (resumedCount() === 0 && Date.now() < deadline) await sleep(200);
    running = false;
    await Promise.all(clients);
    expect(resumedCount(), 'writes are acknowledged again after the restart').toBeGreaterThan(0);

    // Every answer in the whole run: a success, a refusal the client caused (none expected), or a
    // 503 problem with Retry-After; never a 500, never a hang past the bound.
    const unexpected = answers.filter((a) => !(a.status >= 200 && a.status < 300) && a.status !== 503);
    expect(unexpected.map((a) => `${a.route} ${a.status} ${a.body.slice(0, 200)}`)).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length, 'some requests met the stopped database').toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.retryAfter).toMatch(/^\d+$/);
    }
    const slow = answers.filter((a) => a.ms >= ANSWER_BOUND_MS);
    expect(slow.map((a) => `${a.route} ${a.status} after ${a.ms} ms`)).toEqual([]);
    expect(stoppedAt).toBeLessThan(restartedAt);

    // No acknowledged write is lost: every area answered 2xx is in the database once it is back.
    const stored = new Set(
      execFileSync(join(bin, 'psql'), [cluster.url, '-Atc', 'select slug from areas'], { timeout: 30_000 }).toString().split('\n'),
    );
    expect(acknowledgedBeforeStop.filter((slug) => !stored.has(slug))).toEqual([]);
    expect(acknowledged.filter((slug) => !stored.has(slug))).toEqual([]);
  }

  it('stays up through pg_ctl stop -m immediate, answers 503 with Retry-After meanwhile, resumes by itself and keeps every acknowledged write', async () => {
    await survivesOutage('stopped', () => cluster.stop(bin, 'immediate'));
  }, 120_000);

  it('does the same when the postmaster is killed with SIGKILL', async () => {
    await survivesOutage('killed', () => cluster.kill());
  }, 120_000);
});
