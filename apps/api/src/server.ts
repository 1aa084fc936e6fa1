import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { openConfiguredDatabase } from './database.ts';
import { answerClientError } from './errors/client-error.ts';
import { loadSettings, type Settings } from './env.ts';
import { importJobsEnded } from './services/import-jobs.ts';

const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
/** How long a graceful stop waits for the requests and imports in progress. */
const STOP_GRACE_SECONDS = 30;

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  const database = await openConfiguredDatabase(settings);
  const report = await bootstrap(database, settings, new Date(), (line) => console.log(line));
  const hasWebApp = existsSync(resolve(webRoot, 'index.html'));
  const app = createApp({ database, trustedProxies: settings.TRUST_PROXY, ...(hasWebApp ? { webRoot } : {}) });

  const server = serve({ fetch: app.fetch, port: settings.PORT, hostname: settings.HOST }, (info) => {
    const shownHost = settings.HOST === '0.0.0.0' || settings.HOST === '::' ? 'localhost' : settings.HOST;
    const where = database.kind === 'embedded' ? `embedded database in ${resolve(settings.DATA_DIR)}` : 'PostgreSQL';
    console.log(`Autonomy dashboard listening on http://${shownHost}:${info.port} (${where})`);
    if (!hasWebApp) console.log('The dashboard is not built (apps/web/dist); only the API is served. Run `pnpm build`.');
    if (report.demoAccounts.length > 0) {
      console.log(report.seeded ? 'Demo data was seeded. Sign in with any of:' : 'Demo sign-in details:');
    }
    for (const account of report.demoAccounts) console.log(`  ${account.role.padEnd(10)} ${account.email}  ${account.password}`);
    if (!report.usersExist) console.log('No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first admin.');
  });

  // Requests Node's HTTP parser refuses get problem+json too, not a bare status line.
  server.on('clientError', answerClientError);

  // A rolling deploy sends SIGTERM: stop taking connections, let the requests in progress and
  // the import jobs this process runs finish (bounded), then close the database and exit.
  let stopping = false;
  const shutDown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new connections; finishing the requests and imports in progress (at most ${STOP_GRACE_SECONDS} s)…`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections with no request in progress would hold close() until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    const idleAgain = setInterval(() => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }, 250);
    const late = setTimeout(() => {
      console.error(`Still busy after ${STOP_GRACE_SECONDS} s: stopping anyway.`);
      process.exit(1);
    }, STOP_GRACE_SECONDS * 1000);
    late.unref();
    void Promise.all([closed, importJobsEnded()])
      .then(() => database.close())
      .then(() => {
        clearInterval(idleAgain);
        console.log('Stopped.');
        process.exit(0);
      });
  };
  process.once('SIGINT', () => shutDown('SIGINT'));
  process.once('SIGTERM', () => shutDown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
