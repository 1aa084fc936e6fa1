import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { openConfiguredDatabase } from './database.ts';
import { answerClientError } from './errors/client-error.ts';
import { loadSettings, type Settings } from './env.ts';

const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

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

  const shutDown = () => {
    server.close(() => {
      void database.close().finally(() => process.exit(0));
    });
    // Open keep-alive connections would hold close() forever.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
