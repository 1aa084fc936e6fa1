/**
 * Fixtures of assessments.bench.ts: seeding areas and figures by SQL, and the raw-SQL floors the
 * routes are measured against.
 */
import { performance } from 'node:perf_hooks';
import { createUser, type Database, type DatabaseHandle, rowsOf } from '@autonomy/db';

export { rowsOf };
import { resetDatabase } from '@autonomy/db/test';
import { type SQL, sql } from 'drizzle-orm';
import { hashPassword } from '../src/auth/secrets.ts';
import type { App } from '../src/context.ts';
import { holdSettingsSteady, reassess } from '../src/services/assessments.ts';

export interface Size {
  areas: number;
  months: number;
}

export const LATEST = '2026-12'; // the current month of the bench's clock; imports refuse later months
export const NOW = new Date('2026-12-15T12:00:00Z');
export const EMAIL = 'bench@example.com';
export const PASSWORD = 'bench-password';

/** The month `monthsBack` months before ${LATEST}. */
export function toMonth(monthsBack: number): string {
  const date = new Date(Date.UTC(2026, 11 - monthsBack, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}


// ---------------------------------------------------------------------------------------------
// Floors: the same work in raw SQL through the same driver

/** What the route needs of a month: its stored rows, joined with the active areas, by slug. */
export const storedMonthSql = (month: string) => sql`
  select a.id, a.slug, a.name, s.month, s.ownership_index, s.centralisation_index, s.revenue_attainment,
    s.drift_state, s.ownership_delta, s.centralisation_delta, s.severity
  from area_assessments s join areas a on a.id = s.area_id
  where s.month = ${month} and a.status = 'active'
  order by a.slug`;

/**
 * Indices, carried-forward hiring and decisions, the W = 3 window, deltas and contributions from
 * the figures, by window functions (default settings; the drift run's escalation is left out).
 */
const indicesFromFigures = (where: SQL) => sql`
  with f as (
    select m.area_id, m.month,
      case when m.marketing_dedicated_fte + m.marketing_shared_fte = 0 then 0::float8
        else m.marketing_dedicated_fte::float8 / (m.marketing_dedicated_fte + m.marketing_shared_fte)::float8 end as marketing,
      case when m.sales_dedicated_fte + m.sales_shared_fte = 0 then 0::float8
        else m.sales_dedicated_fte::float8 / (m.sales_dedicated_fte + m.sales_shared_fte)::float8 end as sales,
      case when m.hires_total = 0 then null else m.hires_lead_owned::float8 / m.hires_total end as hiring_raw,
      case when m.target_owner = 'area' then 1::float8 else 0::float8 end as target,
      m.shared_service_dependencies::float8 / (m.shared_service_dependencies + 4) as dependencies,
      m.mandatory_processes::float8 / (m.mandatory_processes + 8) as processes,
      m.approval_latency_days::float8 / (m.approval_latency_days::float8 + 10) as latency,
      case when m.decisions_total = 0 then null else m.decisions_central::float8 / m.decisions_total end as decisions_raw,
      case when m.revenue_target = 0 then null else m.revenue_actual::float8 / m.revenue_target::float8 end as revenue_attainment,
      count(nullif(m.hires_total, 0)) over w as hiring_run,
      count(nullif(m.decisions_total, 0)) over w as decisions_run
    from area_months m join areas a on a.id = m.area_id
    where ${where}
    window w as (partition by m.area_id order by m.month)
  ),
  c as (
    select f.*,
      first_value(hiring_raw) over (partition by area_id, hiring_run order by month) as hiring,
      first_value(month) over (partition by area_id, hiring_run order by month) as hiring_from,
      first_value(decisions_raw) over (partition by area_id, decisions_run order by month) as central_decisions,
      first_value(month) over (partition by area_id, decisions_run order by month) as decisions_from
    from f
  ),
  i as (
    select c.*,
      (3 + (hiring is not null)::int)::float8 as ow,
      (3 + (central_decisions is not null)::int)::float8 as cw,
      100 * (marketing + sales + coalesce(hiring, 0) + target) / (3 + (hiring is not null)::int) as ownership_index,
      100 * (dependencies + processes + latency + coalesce(central_decisions, 0)) / (3 + (central_decisions is not null)::int) as centralisation_index
    from c
  ),
  d as (
    select i.*,
      lag(month, 3) over p = to_char(to_date(month, 'YYYY-MM') - interval '3 months', 'YYYY-MM') as complete,
      ownership_index - lag(ownership_index, 3) over p as od,
      centralisation_index - lag(centralisation_index, 3) over p as cd,
      100 * (marketing / ow - lag(marketing / ow, 3) over p) as marketing_points,
      100 * (sales / ow - lag(sales / ow, 3) over p) as sales_points,
      100 * (coalesce(hiring, 0) / ow - lag(coalesce(hiring, 0) / ow, 3) over p) as hiring_points,
      100 * (target / ow - lag(target / ow, 3) over p) as target_points,
      100 * (dependencies / cw - lag(dependencies / cw, 3) over p) as dependencies_points,
      100 * (processes / cw - lag(processes / cw, 3) over p) as processes_points,
      100 * (latency / cw - lag(latency / cw, 3) over p) as latency_points,
      100 * (coalesce(central_decisions, 0) / cw - lag(coalesce(central_decisions, 0) / cw, 3) over p) as central_decisions_points
    from i
    window p as (partition by area_id order by month)
  ),
  e as (
    select d.*,
      case when complete is not true then 'insufficient_data' when cd >= 5 and od <= -5 then 'drift' else 'clear' end as state,
      case when complete and cd >= 5 and od <= -5 then least(cd, -od) end as magnitude
    from d
  )`;

/** Floor (b): that month's indices computed from the figures, what the portfolio used to cost. */
export const computedMonthSql = (month: string) => sql`
  ${indicesFromFigures(sql`a.status = 'active' and m.month <= ${month}`)}
  select a.slug, a.name, e.month, e.ownership_index, e.centralisation_index, e.revenue_attainment, e.state,
    case when e.complete then e.od end as ownership_delta, case when e.complete then e.cd end as centralisation_delta,
    case when e.magnitude >= 20 then 'critical' when e.magnitude >= 10 then 'warning' when e.magnitude >= 5 then 'watch' end as severity
  from e join areas a on a.id = e.area_id
  where e.month = ${month}
  order by a.slug`;

/** Floor of a full reassessment: every stored row deleted and the same number written, from the figures. */
export const rewriteAllSql = sql`
  ${indicesFromFigures(sql`true`)}
  insert into area_assessments (area_id, month, ownership_index, centralisation_index, revenue_attainment,
    marketing, sales, hiring, target, dependencies, processes, latency, central_decisions,
    hiring_carried_from, decisions_carried_from, drift_state, ownership_delta, centralisation_delta,
    magnitude, severity, consecutive_months, marketing_points, sales_points, hiring_points, target_points,
    dependencies_points, processes_points, latency_points, central_decisions_points)
  select area_id, month, ownership_index, centralisation_index, revenue_attainment,
    marketing, sales, hiring, target, dependencies, processes, latency, central_decisions,
    case when hiring_raw is null and hiring is not null then hiring_from end,
    case when decisions_raw is null and central_decisions is not null then decisions_from end,
    state::drift_state, case when complete then od end, case when complete then cd end,
    magnitude,
    (case when magnitude >= 20 then 'critical' when magnitude >= 10 then 'warning' when magnitude >= 5 then 'watch' end)::severity,
    case when magnitude is not null then 1 end,
    case when complete then marketing_points end, case when complete then sales_points end,
    case when complete then hiring_points end, case when complete then target_points end,
    case when complete then dependencies_points end, case when complete then processes_points end,
    case when complete then latency_points end, case when complete then central_decisions_points end
  from e`;

class RolledBack extends Error {}

/** Runs `work` in a transaction that is then rolled back. */
export async function rolledBack(db: Database, work: (tx: Database) => Promise<unknown>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await work(tx);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Seeding: SQL only, then the stored assessments by reassess()

export async function seed(handle: DatabaseHandle, size: Size): Promise<{ seedMs: number; fillMs: number }> {
  const db = handle.db;
  await resetDatabase(handle);
  const start = performance.now();
  await db.execute(sql`
    insert into areas (slug, name, status)
    select 'area-' || lpad(n::text, 5, '0'), 'Area ' || n,
      (case when n % 100 = 99 then 'archived' else 'active' end)::area_status
    from generate_series(0, ${size.areas - 1}) n`);
  // idx counts months from the oldest (0) to 2026-12 (months - 1). Every 5th area drifts: its
  // support, hiring and decisions slide to the centre over each year, then reset (a reorganisation),
  // so drift signals come and go. Every 4th month has no hires and every 6th no decisions, so
  // values are carried forward. About one month in ten misses its revenue target.
  await db.execute(sql`
    insert into area_months (area_id, month, revenue_target, revenue_actual, marketing_dedicated_fte, marketing_shared_fte,
      sales_dedicated_fte, sales_shared_fte, hires_total, hires_lead_owned, decisions_total, decisions_central,
      shared_service_dependencies, mandatory_processes, approval_latency_days, target_owner)
    select a.id, to_char(date '2026-12-01' - make_interval(months => ${size.months - 1} - g.idx), 'YYYY-MM'),
      1000000, 990000 + ((a.n * 7919 + g.idx * 104729) % 100000),
      round((4 - 3 * g.drift)::numeric, 4), round((1 + 3 * g.drift)::numeric, 4), 5, 1 + (a.n % 3),
      case when g.idx % 4 = 0 then 0 else 3 end,
      case when g.idx % 4 = 0 then 0 else round(3 * (1 - g.drift))::int end,
      case when g.idx % 6 = 0 then 0 else 12 end,
      case when g.idx % 6 = 0 then 0 else round(2 + 8 * g.drift)::int end,
      round(1 + 5 * g.drift)::int, round(2 + 10 * g.drift)::int, round((2 + 10 * g.drift + (a.n % 7) * 0.25)::numeric, 4),
      (case when g.drift > 0.5 then 'central' else 'area' end)::target_owner
    from (select id, (row_number() over (order by slug) - 1)::int as n from areas) a
    cross join lateral (
      select idx, case when a.n % 5 = 0 then (idx % 12)::float8 / 11 else 0 end as drift
      from generate_series(0, ${size.months - 1}) idx
    ) g`);
  const seedMs = performance.now() - start;
  const fillStart = performance.now();
  await db.transaction(async (tx) => {
    await holdSettingsSteady(tx);
    return reassess(tx, 'all', NOW);
  });
  const fillMs = performance.now() - fillStart;
  await db.execute(sql`vacuum analyze`);
  const user = await createUser(db, { email: EMAIL, name: 'Bench', role: 'admin', passwordHash: await hashPassword(PASSWORD) });
  if (!user) throw new Error('no bench user');
  return { seedMs, fillMs };
}

export async function signIn(app: App): Promise<string> {
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  return login.headers.get('set-cookie')?.split(';')[0] ?? '';
}
