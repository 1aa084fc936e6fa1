import type { Database } from '../client.ts';
import { addAreaLead, createArea, getAreaBySlug } from '../queries/areas.ts';
import { importAreaMonths } from '../queries/area-months.ts';
import { type AuditActor, recordAuditEvent } from '../queries/audit.ts';
import { recordTargetChange } from '../queries/targets.ts';
import { createUser, getUserByEmail } from '../queries/users.ts';
import { areas } from '../schema/index.ts';
import { buildDemoOrganisation, type DemoTargetPlan } from './demo-organisation.ts';

export interface SeedDemoOptions {
  /** `YYYY-MM`: the latest month with figures, usually the month before the current one. */
  endMonth: string;
  hashPassword: (plain: string) => Promise<string>;
  /** Who seeds, for the audit log and as the author of every area month (must be a user). */
  actor: AuditActor;
}

export interface SeedDemoResult {
  areas: number;
  rows: number;
  /** The demo accounts created by this run, with the passwords to show on first start. */
  users: { email: string; password: string; role: string }[];
}

/**
 * Seeds the demo organisation in one transaction: users (an email that exists is left alone),
 * areas with their leads, 24 months of figures and one `demo.seeded` audit event. Refuses a
 * database that already has an area, so demo figures can never mix with real ones.
 */
export async function seedDemoOrganisation(db: Database, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const demo = buildDemoOrganisation({ endMonth: options.endMonth });
  // Hashing is deliberately slow; do it before the transaction rather than while holding it open.
  const accounts = await Promise.all(
    demo.users.map(async (user) => ({ ...user, passwordHash: await options.hashPassword(user.password) })),
  );

  return db.transaction(async (tx) => {
    await refuseUnlessEmpty(tx);

    const created: SeedDemoResult['users'] = [];
    for (const { email, name, role, password, passwordHash } of accounts) {
      const row = await createUser(tx, { email, name, role, passwordHash });
      if (row) created.push({ email, password, role });
    }

    for (const area of demo.areas) {
      const row = await createArea(tx, { slug: area.slug, name: area.name, description: area.description });
      // Only a concurrent writer can have taken the slug since the check above; give way to it.
      if (!row) throw new Error(`area ${area.slug} appeared while seeding the demo organisation; nothing was seeded`);
      for (const email of area.leadEmails) {
        const lead = await getUserByEmail(tx, email);
        if (lead) await addAreaLead(tx, row.id, lead.id);
      }
    }

    await importAreaMonths(tx, demo.rows, options.actor.id);
    for (const plan of demo.targetPlans) await planTarget(tx, plan, options.actor);

    const result: SeedDemoResult = { areas: demo.areas.length, rows: demo.rows.length, users: created };
    await recordAuditEvent(tx, {
      actor: options.actor,
      action: 'demo.seeded',
      subject: 'demo organisation',
      after: {
        endMonth: options.endMonth,
        areas: result.areas,
        rows: result.rows,
        usersCreated: created.map((user) => user.email),
      },
    });
    return result;
  });
}

async function planTarget(db: Database, plan: DemoTargetPlan, seeder: AuditActor): Promise<void> {
  const area = await getAreaBySlug(db, plan.areaSlug);
  if (!area) throw new Error(`the demo area ${plan.areaSlug} vanished while seeding`);
  const lead = plan.byEmail ? await getUserByEmail(db, plan.byEmail) : undefined;
  const actor = lead ? { id: lead.id, email: lead.email, name: lead.name } : seeder;
  await recordTargetChange(db, { ...plan, areaId: area.id, source: 'target', previous: [], actor });
}

async function refuseUnlessEmpty(db: Database): Promise<void> {
  const [anyArea] = await db.select({ slug: areas.slug }).from(areas).limit(1);
  if (anyArea) {
    throw new Error(
      `refusing to seed the demo organisation: the database already has areas (such as "${anyArea.slug}"); ` +
        'demo data is only ever seeded into an empty database',
    );
  }
}
