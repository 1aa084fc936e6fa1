import type { MetricsCsvRow } from '@autonomy/contracts';
import { type AuditActor, type Database, importAreaMonths, recordAuditEvent } from '@autonomy/db';
import { summariseImportByArea } from './import-summary.ts';
import { type AreaChange, holdSettingsSteady, reassess } from './assessments.ts';

export interface ImportCounts {
  areasCreated: number;
  monthsCreated: number;
  monthsUpdated: number;
}

/** Thrown inside the transaction to undo a dry run after it has been checked against the database. */
class DryRunRollback extends Error {}

/**
 * Imports parsed, valid rows: every row or none. Writes the figures, reassesses each area the file
 * touched from its earliest month in the file, and records one audit event listed under every
 * area it touched. A dry run does the same work in a transaction it then rolls back.
 */
export async function importFigures(
  db: Database,
  request: { rows: readonly MetricsCsvRow[]; dryRun: boolean; actor: AuditActor; now: Date },
): Promise<ImportCounts> {
  const { rows, dryRun, actor, now } = request;
  let counts: ImportCounts | undefined;
  try {
    await db.transaction(async (tx) => {
      await holdSettingsSteady(tx);
      const outcome = await importAreaMonths(tx, rows, actor.id);
      const { areasCreated, monthsCreated, monthsUpdated, createdAreaSlugs } = outcome;
      counts = { areasCreated, monthsCreated, monthsUpdated };
      if (dryRun) throw new DryRunRollback();
      await reassess(tx, earliestMonthPerArea(rows, outcome.areaIdsBySlug), now);
      const areas = summariseImportByArea(rows, new Set(createdAreaSlugs));
      const areaSlugs = areas.map((area) => area.slug);
      // One event for the whole file, listed in every area it touched; it belongs to one area
      // only when the file holds just that area, like any other single-area write.
      await recordAuditEvent(tx, {
        actor,
        action: 'metrics.imported',
        areaSlug: areaSlugs.length === 1 ? areaSlugs[0] : null,
        areaSlugs,
        after: { rows: rows.length, ...counts, targetsChanged: outcome.targetsChanged, areas },
      });
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  if (!counts) throw new Error('the import finished without an outcome');
  return counts;
}

function earliestMonthPerArea(rows: readonly MetricsCsvRow[], areaIdsBySlug: ReadonlyMap<string, string>): AreaChange[] {
  const earliest = new Map<string, string>();
  for (const { areaSlug, month } of rows) {
    const known = earliest.get(areaSlug);
    if (known === undefined || month < known) earliest.set(areaSlug, month);
  }
  return [...earliest].map(([slug, fromMonth]) => {
    const areaId = areaIdsBySlug.get(slug);
    if (!areaId) throw new Error(`area ${slug} of the file has no id`);
    return { areaId, fromMonth };
  });
}
