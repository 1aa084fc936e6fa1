import type { FieldError, MetricsCsvRow } from '@autonomy/contracts';
import { monthOf } from '@autonomy/domain';
import type { Context } from 'hono';
import { can } from '../../auth/authorize.ts';
import type { AppEnv, AuthenticatedUser } from '../../context.ts';
import { ApiError } from '../../errors/problem.ts';
import { readImportRows } from './read-body.ts';

export interface SkippedArea {
  areaSlug: string;
  rows: number;
}

const LISTED = 500;

/** What both import routes do first: read and check the file as it arrives, and keep the rows the user may import. */
export async function readFileToImport(c: Context<AppEnv>, scope: 'all' | 'mine', now: Date) {
  const file = await readImportRows(c, monthOf(now));
  return { ...rowsTheUserMayImport(c.var.user, file.rows, scope), warnings: file.warnings };
}

/**
 * Which rows of a file the user may import. Everybody's own export holds every area, so a lead
 * who imports it back is told, in words, which areas are not theirs and how many rows each has;
 * with `scope=mine` those rows are skipped (and reported as skipped) instead of refusing the file.
 */
export function rowsTheUserMayImport(
  user: AuthenticatedUser,
  rows: readonly MetricsCsvRow[],
  scope: 'all' | 'mine',
): { rows: MetricsCsvRow[]; skipped: SkippedArea[] } {
  if (user.role !== 'admin' && user.role !== 'area_lead') {
    throw new ApiError('forbidden', 'Only admins and area leads can import figures; ask one of them to import this file.');
  }
  const others = new Map<string, { rows: number; firstLine: number }>();
  const allowed = new Map<string, boolean>();
  const mine: MetricsCsvRow[] = [];
  for (const row of rows) {
    let may = allowed.get(row.areaSlug);
    if (may === undefined) allowed.set(row.areaSlug, (may = can(user, 'metrics.import', row.areaSlug)));
    if (may) {
      mine.push(row);
      continue;
    }
    const other = others.get(row.areaSlug);
    if (other) other.rows += 1;
    else others.set(row.areaSlug, { rows: 1, firstLine: row.line });
  }
  const skipped = [...others].map(([areaSlug, { rows: count }]) => ({ areaSlug, rows: count }));
  if (skipped.length === 0) return { rows: mine, skipped };

  const yours = user.areaSlugs.length === 0 ? 'no area yet' : user.areaSlugs.join(', ');
  const listed = skipped.slice(0, 10).map((area) => `${area.areaSlug} (${rowsWord(area.rows)})`).join(', ');
  const more = skipped.length > 10 ? ` and ${skipped.length - 10} more` : '';
  const errors: FieldError[] = [...others].slice(0, LISTED).map(([areaSlug, other]) => ({
    row: other.firstLine,
    column: 'area_slug',
    path: 'areaSlug',
    message: `${areaSlug} is not one of your areas (${rowsWord(other.rows)} in the file, the first on this line)`,
  }));
  if (scope === 'mine' && mine.length === 0) {
    throw new ApiError('forbidden', `None of the file's rows are for the areas you lead (${yours}); it has rows for ${listed}${more}. Nothing was imported.`, errors);
  }
  if (scope === 'all') {
    throw new ApiError(
      'forbidden',
      `You can import figures only for the areas you lead (${yours}), and the file also has rows for ` +
        `${skipped.length === 1 ? 'another area' : `${skipped.length} other areas`}: ${listed}${more}. ` +
        "Remove those rows, or import only your areas' rows (scope=mine) to skip them. Nothing was imported.",
      errors,
    );
  }
  return { rows: mine, skipped };
}

const rowsWord = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;
