import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { rowsOf } from './rows.ts';

/**
 * Reporting coverage: which active areas have figures for a month. An area is *active in a month*
 * from the earlier of its first month with figures and the month it was created (UTC) — a new
 * area with no figures yet is missing from its creation month on, one imported with years of
 * history counts from its first figures — and only while its status is active (archived areas are
 * not counted in any month). Everything here is read from stored rows through the indexes
 * (`area_assessments` by month and by area, `areas`), never by assessing history.
 */

/** Whether the area (aliased `areas`), which has no figures for `month`, was active then. */
function activeWithoutFiguresIn(month: SQL): SQL {
  // CASE, not OR: the creation month settles most areas, so the probe for earlier figures
  // runs only for areas created after the month (an import of their history).
  return sql`case
    when to_char(areas.created_at at time zone 'UTC', 'YYYY-MM') <= ${month} then true
    else exists (select from area_assessments earlier where earlier.area_id = areas.id and earlier.month < ${month})
  end`;
}

/** One month's count over the active areas, `month` being a column of the enclosing query. */
function monthCount(month: SQL): SQL {
  return sql`(
    select count(reported.area_id) as reported,
      count(*) filter (where reported.area_id is not null or ${activeWithoutFiguresIn(month)}) as active
    from areas left join area_assessments reported on reported.area_id = areas.id and reported.month = ${month}
    where areas.status = 'active')`;
}

export interface MonthCoverageRow {
  month: string;
  reported: number;
  active: number;
}

/**
 * The coverage of the newest months with figures, newest first, walking back one month at a time
 * (along the month index) and stopping at the first month in which at least half of the areas
 * active then have figures: the default month (`defaultMonth` in the domain) and every newer month
 * in progress, which is what a month picker labels. Each month costs one pass over that month's
 * index entries and the areas; older months are not counted. Only when no month qualifies does it
 * walk the whole history. Months with figures of archived areas only are skipped.
 */
export async function listRecentMonthCoverage(db: Database): Promise<MonthCoverageRow[]> {
  const result = await db.execute(sql`
    with recursive walked(month, reported, active) as (
      select newest.month, counted.reported, counted.active
      from (select month from area_assessments order by month desc limit 1) newest
      cross join lateral ${monthCount(sql`newest.month`)} counted
      union all
      select previous.month, counted.reported, counted.active
      from walked
      cross join lateral (select max(earlier.month) as month from area_assessments earlier where earlier.month < walked.month) previous
      cross join lateral ${monthCount(sql`previous.month`)} counted
      where previous.month is not null and (walked.reported = 0 or walked.reported * 2 < walked.active)
    )
    select month, reported::int as reported, active::int as active from walked where reported > 0 order by month desc`);
  return rowsOf<MonthCoverageRow>(result).map((row) => ({ month: row.month, reported: Number(row.reported), active: Number(row.active) }));
}

export interface NotReportedArea {
  slug: string;
  name: string;
  /** The names of the area's active leads, in no particular order. */
  leadNames: string[];
}

/** The areas active in `month` without figures for it. */
export async function listNotReportedAreas(db: Database, month: string): Promise<NotReportedArea[]> {
  // The areas without figures first (one anti-join against the month's index entries), and only
  // then, for those few, whether they were active: left to itself the planner judged activity for
  // every area before the anti-join (a probe per area, 260 ms at 10,000 areas against 70 ms).
  const result = await db.execute(sql`
    with unreported as materialized (
      select areas.id, areas.slug, areas.name, areas.created_at from areas
      where areas.status = 'active'
        and not exists (select from area_assessments reported where reported.area_id = areas.id and reported.month = ${month})
    )
    select areas.slug, areas.name,
      coalesce((
        select json_agg(users.name) from area_leads join users on users.id = area_leads.user_id
        where area_leads.area_id = areas.id and users.active
      ), '[]'::json)::text as "leadNames"
    from unreported areas
    where ${activeWithoutFiguresIn(sql`${month}`)}`);
  // JSON as text: the two drivers parse json and arrays differently; this reads the same on both.
  return rowsOf<{ slug: string; name: string; leadNames: string }>(result).map((row) => ({
    slug: row.slug,
    name: row.name,
    leadNames: JSON.parse(row.leadNames) as string[],
  }));
}

