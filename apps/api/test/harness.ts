import { appendFileSync } from 'node:fs';
import type { Problem, Role, ImportJob } from '@autonomy/contracts';
import { createArea, createUser, type Database, type DatabaseHandle, getAreaBySlug, addAreaLead } from '@autonomy/db';
import { createTestDatabase, resetDatabase, type TestDatabase } from '@autonomy/db/test';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/secrets.ts';
import type { App, AppDeps } from '../src/context.ts';
import { ResponseContract } from './response-contract.ts';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** Send as the Cookie header to act as this user. */
  cookie: string;
}

// scrypt is slow on purpose; one hash per role's password is enough for a test run.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/** Thrown to end a `rollback()` transaction once its work is done. */
class RolledBack extends Error {}

/** A real app on a real database (PGlite, or PostgreSQL when DATABASE_URL is set), one per test file. */
export class Harness {
  readonly app: App;
  private readonly contract: ResponseContract;
  /** The open transaction of `rollback()`, which the app and `db` then use instead of the database. */
  private transaction: Database | undefined;

  private constructor(
    readonly database: TestDatabase,
    deps: Omit<AppDeps, 'database'>,
  ) {
    const current = () => this.db;
    const view: DatabaseHandle = {
      kind: database.kind,
      migrate: () => database.migrate(),
      close: () => database.close(),
      get db() {
        return current();
      },
      // On PGlite a query outside the open transaction would wait for it to end: ping through it.
      ping: async () => {
        await current().execute(sql`select 1`);
      },
      // VACUUM cannot run in the transaction a rolled-back test works in.
      afterBulkWrite: () => (this.transaction ? Promise.resolve() : database.afterBulkWrite()),
      alone: (work) => database.alone(work),
    };
    this.app = createApp({ ...deps, database: view });
    this.contract = new ResponseContract(this.app);
  }

  /** `deps` replaces what the app is built from but the database: a clock, a sign-in throttle. */
  static async start(deps: Omit<AppDeps, 'database'> = {}): Promise<Harness> {
    return new Harness(await createTestDatabase(), deps);
  }

  async stop(): Promise<void> {
    await this.database.destroy();
  }

  async reset(): Promise<void> {
    await resetDatabase(this.database);
  }

  get db(): Database {
    return this.transaction ?? this.database.db;
  }

  /**
   * Runs `work` (requests, queries) inside one transaction that is then rolled back, so each case
   * starts from the same fixtures without rebuilding them. The app's own transactions become
   * savepoints inside it. Cases must run one at a time.
   */
  async rollback<T>(work: () => Promise<T>): Promise<T> {
    if (this.transaction) throw new Error('rollback() does not nest');
    let result: { value: T } | undefined;
    try {
      await this.database.db.transaction(async (tx) => {
        this.transaction = tx;
        try {
          result = { value: await work() };
        } finally {
          this.transaction = undefined;
        }
        throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    if (!result) throw new Error('the rolled-back work did not finish');
    return result.value;
  }

  /** Polls an import job (its Location) until it is no longer running, and returns it. */
  async untilJobEnds(location: string, init: { as?: TestUser; headers?: Record<string, string> } = {}): Promise<ImportJob> {
    for (let attempt = 0; attempt < 500; attempt++) {
      const response = await this.request(location, init);
      if (response.status !== 200) throw new Error(`${location}: ${response.status} ${await response.text()}`);
      const job = (await response.json()) as ImportJob;
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${location} is still running after 10 s`);
  }

  /** Sends a request to the app; an answer that breaks the OpenAPI document fails the test (ResponseContract). */
  async request(path: string, init: RequestInit & { as?: TestUser } = {}): Promise<Response> {
    const { as, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (as) headers.set('cookie', as.cookie);
    const response = await this.app.request(path, { ...rest, headers });
    const breach = await this.contract.breach(rest.method ?? 'GET', path, response);
    if (breach) {
      if (process.env.CONTRACT_REPORT) appendFileSync(process.env.CONTRACT_REPORT, `${breach}\n`);
      else throw new Error(`The answer breaks the API's documented contract: ${breach}`);
    }
    return response;
  }

  json(path: string, method: string, body: unknown, as?: TestUser, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
      ...(as ? { as } : {}),
    });
  }

  /** Imports a CSV file through the API as `as`; anything but the whole file taken fails the test. */
  async importCsv(csv: string, as: TestUser): Promise<void> {
    const response = await this.request('/api/v1/imports/metrics', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' }, as });
    if (response.status !== 200) throw new Error(`the import was refused: ${response.status} ${await response.text()}`);
  }

  /** Creates a user with the role (leading `leads`, creating those areas if needed) and signs in. */
  async user(role: Role, options: { email?: string; leads?: string[] } = {}): Promise<TestUser> {
    const email = options.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const password = `${role}-password-123`;
    const user = await createUser(this.db, { email, name: `Test ${role}`, role, passwordHash: await hashOnce(password) });
    if (!user) throw new Error(`user ${email} exists already`);
    for (const slug of options.leads ?? []) {
      const area = (await getAreaBySlug(this.db, slug)) ?? (await createArea(this.db, { slug, name: slug, description: '' }));
      if (!area) throw new Error(`area ${slug} was not created`);
      await addAreaLead(this.db, area.id, user.id);
    }
    const response = await this.json('/api/v1/auth/login', 'POST', { email, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('sign-in set no cookie');
    return { id: user.id, email, password, cookie };
  }
}

/** Asserts a problem+json response and returns its body. */
export async function problemOf(response: Response): Promise<Problem> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.status} ${contentType}: ${await response.text()}`);
  }
  return (await response.json()) as Problem;
}

export const exampleFigures = {
  revenueTarget: 2_000_000,
  revenueActual: 2_100_000,
  marketingDedicatedFte: 3,
  marketingSharedFte: 0,
  salesDedicatedFte: 5,
  salesSharedFte: 2,
  hiresTotal: 3,
  hiresLeadOwned: 3,
  decisionsTotal: 12,
  decisionsCentral: 1,
  sharedServiceDependencies: 0,
  mandatoryProcesses: 1,
  approvalLatencyDays: 1,
  targetOwner: 'area' as const,
};
