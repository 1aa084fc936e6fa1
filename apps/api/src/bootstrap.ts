import {
  buildDemoOrganisation,
  countUsers,
  createUser,
  type Database,
  type DatabaseHandle,
  getUserByEmail,
  seedDemoOrganisation,
} from '@autonomy/db';
import { addMonths, monthOf } from '@autonomy/domain';
import { hashPassword } from './auth/secrets.ts';
import { seedDemoReview } from './services/demo-review.ts';
import { ensureAssessed, holdSettingsSteady, reassess } from './services/assessments.ts';
import { BULK_WRITE_ROWS } from './services/bulk-writes.ts';
import type { Settings } from './env.ts';

// Used only when demo data is seeded into a new database without ADMIN_EMAIL: demo data only.
export const DEMO_ADMIN = { email: 'admin@demo.example', name: 'Ada Admin', password: 'demo-admin-2024' };

export interface BootstrapReport {
  /** Sign-in details worth printing: the demo accounts, when demo data was seeded. */
  demoAccounts: { email: string; password: string; role: string }[];
  createdAdmin: string | null;
  seeded: boolean;
  usersExist: boolean;
}

/** The month before `now`: demo figures end there, as a real organisation's would. */
function lastCompleteMonth(now: Date): string {
  return addMonths(monthOf(now), -1);
}

/**
 * Brings a database to a usable state on start-up: migrations, stored assessments under the
 * current rules (filled on the first start after an upgrade), the first admin when no user
 * exists, and the demo organisation when the database is new and SEED_DEMO allows it. Under the
 * database's start-up lock: replicas starting together take turns, and the later ones find it done.
 */
export function bootstrap(
  database: DatabaseHandle,
  settings: Pick<Settings, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'SEED_DEMO'>,
  now = new Date(),
  log: (line: string) => void = () => {},
): Promise<BootstrapReport> {
  return database.alone(() => prepare(database, settings, now, log));
}

async function prepare(
  database: DatabaseHandle,
  settings: Pick<Settings, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'SEED_DEMO'>,
  now: Date,
  log: (line: string) => void,
): Promise<BootstrapReport> {
  await database.migrate();
  const db = database.db;
  // A first fill of many area months: let the engine catch up before the first reader comes.
  const assessed = await ensureAssessed(db, now, log);
  if (assessed >= BULK_WRITE_ROWS) await database.afterBulkWrite();
  const report: BootstrapReport = { demoAccounts: [], createdAdmin: null, seeded: false, usersExist: true };
  const isNewDatabase = (await countUsers(db)) === 0;

  if (isNewDatabase) {
    const admin =
      settings.ADMIN_EMAIL && settings.ADMIN_PASSWORD
        ? { email: settings.ADMIN_EMAIL, name: 'Administrator', password: settings.ADMIN_PASSWORD }
        : settings.SEED_DEMO
          ? DEMO_ADMIN
          : undefined;
    if (admin) {
      await createUser(db, {
        email: admin.email,
        name: admin.name,
        role: 'admin',
        passwordHash: await hashPassword(admin.password),
      });
      report.createdAdmin = admin.email;
      if (admin === DEMO_ADMIN) report.demoAccounts.push({ email: admin.email, password: admin.password, role: 'admin' });
    }
  }

  if (isNewDatabase && settings.SEED_DEMO && report.createdAdmin) {
    const actor = await getUserByEmail(db, report.createdAdmin);
    if (!actor) throw new Error('the first admin was not saved');
    const endMonth = lastCompleteMonth(now);
    const seeded = await seedDemoOrganisation(db, { endMonth, hashPassword, actor });
    report.demoAccounts.push(...seeded.users);
    report.seeded = true;
    await db.transaction(async (tx) => {
      await holdSettingsSteady(tx);
      await reassess(tx, 'all', now);
    });
    // After the signals: the review freezes them with the portfolio.
    await seedDemoReview(db, { endMonth, seeder: { id: actor.id, email: actor.email, name: actor.name }, now });
  }
  if (!report.seeded) report.demoAccounts = await remainingDemoAccounts(db, now);
  report.usersExist = (await countUsers(db)) > 0;
  return report;
}

/** On later starts, the demo accounts that still exist, so their sign-in details can be shown again. */
async function remainingDemoAccounts(db: Database, now: Date): Promise<BootstrapReport['demoAccounts']> {
  const candidates = [
    { ...DEMO_ADMIN, role: 'admin' },
    ...buildDemoOrganisation({ endMonth: lastCompleteMonth(now) }).users,
  ];
  const remaining: BootstrapReport['demoAccounts'] = [];
  for (const account of candidates) {
    if (await getUserByEmail(db, account.email)) {
      remaining.push({ email: account.email, password: account.password, role: account.role });
    }
  }
  return remaining;
}
