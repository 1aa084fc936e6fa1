/**
 * The real API for the browser tests, in a child process of its own: a fresh embedded database
 * (or, when DATABASE_URL names a PostgreSQL server, a database of the run's own on it) with the
 * demo data, serving the built app. Each e2e file starts one and stops it afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { healthSchema, type Health } from '@autonomy/contracts';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const apiRoot = join(repoRoot, 'apps', 'api');
const tsxBinary = join(repoRoot, 'node_modules', '.bin', 'tsx');
const HEALTH_DEADLINE_MS = 60_000;

export interface RunningServer {
  baseUrl: string;
  health: Health;
  stop(): Promise<void>;
}

export async function startServer({ adminEmail, adminPassword }: { adminEmail: string; adminPassword: string }): Promise<RunningServer> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'autonomy-e2e-'));
  const database = process.env.DATABASE_URL ? createTestDatabase(process.env.DATABASE_URL) : undefined;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  // Its own process group, so stop() can end tsx and the node process it starts, and nothing else.
  const child = spawn(tsxBinary, ['src/server.ts'], { cwd: apiRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    await stopProcessGroup(child);
    database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const health = await waitForHealth(baseUrl, child, output);
    return { baseUrl, health, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not read the probe port'));
      });
    });
  });
}

/** A database of this run's own on the given server; the API creates and drops nothing itself. */
function createTestDatabase(serverUrl: string): { url: string; drop(): void } {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [serverUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `create database ${name}`], { stdio: 'pipe' });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => {
      execFileSync('psql', [serverUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `drop database if exists ${name} with (force)`], {
        stdio: 'pipe',
      });
    },
  };
}

/** The server's last output, kept for the error message when it does not come up. */
function captureOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<Health> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return healthSchema.parse(await response.json());
      lastProblem = `GET /api/health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API was not healthy within ${HEALTH_DEADLINE_MS / 1000} s (${lastProblem}):\n${output()}`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const groupId = child.pid;
  if (groupId === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-groupId, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const stoppedInTime = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
  ]);
  if (!stoppedInTime) {
    signalGroup('SIGKILL');
    await exited;
  }
}
