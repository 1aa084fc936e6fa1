import { type Database, rowsOf } from '@autonomy/db';
import { sql } from 'drizzle-orm';

/** Per table: its row count and a hash of every row, in a fixed order. */
export type Fingerprint = Record<string, string>;

let tableNames: Promise<string[]> | undefined;

/**
 * What the database holds, table by table, so a test can show that a request changed nothing.
 * Every table of the schema is included, found in the catalogue rather than listed, so a table
 * added later is covered too; sessions and audit events count as well, since a refused request
 * must not sign anyone in or out, nor record anything.
 */
export async function fingerprint(db: Database): Promise<Fingerprint> {
  tableNames ??= db
    .execute(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
    .then((result) => rowsOf<{ name: string }>(result).map((row) => row.name));
  const tables = await tableNames;
  const perTable = tables.map(
    (table) =>
      `select '${table}' as name, count(*)::int as rows,
              md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash
       from "${table}" t`,
  );
  const result = await db.execute(sql.raw(perTable.join('\nunion all\n')));
  return Object.fromEntries(
    rowsOf<{ name: string; rows: number; hash: string }>(result).map((row) => [row.name, `${row.rows} rows ${row.hash}`]),
  );
}

