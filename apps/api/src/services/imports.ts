import type { FieldError, ImportPreview, ImportResult, MetricsCsvRow } from '@autonomy/contracts';
import { MAX_REPORTED_ERRORS } from '@autonomy/contracts';
import { type AreaFiguresRow, type AuditActor, type Database, importAreaMonths, listAreaFigures, recordAuditEvent } from '@autonomy/db';
import { previewImport } from './import-preview.ts';
import { summariseImportByArea } from './import-summary.ts';
import { holdSettingsSteady, reassess } from './assessments.ts';

export interface ImportCounts {
  areasCreated: number;
  monthsCreated: number;
  monthsUpdated: number;
  monthsUnchanged: number;
}

/** How far an import has come: rows written, then areas reassessed. */
export interface ImportProgress {
  rowsWritten: number;
  areasReassessed: number;
  /** Known once the rows are written: the areas whose figures changed. */
  areasToReassess: number | null;
}

/** Thrown inside the transaction to undo a dry run after it has been checked against the database. */
class DryRunRollback extends Error {}

export interface ImportOutcome {
  counts: ImportCounts;
  warnings: FieldError[];
  /** A dry run's account of what the import would change. */
  preview?: ImportPreview;
}

/**
 * Imports parsed, valid rows: every row or none. Writes the figures that differ from those
 * stored (a row that holds the stored values writes nothing and keeps its version), reassesses
 * each area from its earliest changed month, and records one audit event listed under every area
 * the file touched. A dry run does the same work, signals included, in a transaction it then
 * rolls back, and says what would have changed.
 */
export async function importFigures(
  db: Database,
  request: { rows: readonly MetricsCsvRow[]; dryRun: boolean; actor: AuditActor; now: Date; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportOutcome> {
  const { rows, dryRun, actor, now, onProgress } = request;
  let result: ImportOutcome | undefined;
  try {
    await db.transaction(async (tx) => {
      await holdSettingsSteady(tx);
      const stored = dryRun ? await storedFiguresOf(tx, [...new Set(rows.map((row) => row.areaSlug))]) : [];
      const outcome = await importAreaMonths(tx, rows, actor.id, (rowsWritten) => onProgress?.({ rowsWritten, areasReassessed: 0, areasToReassess: null }));
      const { areasCreated, monthsCreated, monthsUpdated, monthsUnchanged, createdAreaSlugs } = outcome;
      const counts = { areasCreated, monthsCreated, monthsUpdated, monthsUnchanged };
      result = { counts, warnings: namesThatDiffer(rows, outcome.areaNamesBySlug) };
      const areasToReassess = outcome.changedFrom.size;
      onProgress?.({ rowsWritten: rows.length, areasReassessed: 0, areasToReassess });
      const reassessed = await reassess(tx, [...outcome.changedFrom].map(([areaId, fromMonth]) => ({ areaId, fromMonth })), now, {
        describeSignals: dryRun,
        onProgress: ({ areas }) => onProgress?.({ rowsWritten: rows.length, areasReassessed: areas, areasToReassess }),
      });
      if (dryRun) {
        const created = new Set(createdAreaSlugs);
        const areas = new Map(
          [...outcome.areaIdsBySlug].map(([slug, id]) => [slug, { id, name: outcome.areaNamesBySlug.get(slug) ?? slug, created: created.has(slug) }]),
        );
        result.preview = previewImport({ rows, stored, areas, signalChanges: reassessed.signalChanges ?? [] });
        throw new DryRunRollback();
      }
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
  if (!result) throw new Error('the import finished without an outcome');
  return result;
}

/** The stored figures of these areas, a thousand areas a query (a file may name 100,000). */
async function storedFiguresOf(db: Database, slugs: readonly string[]): Promise<AreaFiguresRow[]> {
  const stored: AreaFiguresRow[] = [];
  for (let start = 0; start < slugs.length; start += 1000) stored.push(...(await listAreaFigures(db, { areaSlugs: slugs.slice(start, start + 1000) })));
  return stored;
}

/** A file's area_name names an area only when the import creates it; elsewhere a different name is worth a word. */
function namesThatDiffer(rows: readonly MetricsCsvRow[], storedNames: ReadonlyMap<string, string>): FieldError[] {
  const warned = new Set<string>();
  const warnings: FieldError[] = [];
  for (const row of rows) {
    const stored = storedNames.get(row.areaSlug);
    if (stored === undefined || stored === row.areaName || warned.has(row.areaSlug)) continue;
    warned.add(row.areaSlug);
    warnings.push({
      row: row.line,
      column: 'area_name',
      path: 'areaName',
      message: `area_name ${JSON.stringify(row.areaName)} differs from the name of ${row.areaSlug}, ${JSON.stringify(stored)}; an import does not rename an area (rename it on the area's page)`,
    });
  }
  return warnings;
}

/** The answer to an import, as the route and a finished job give it. */
export function toImportResult(
  file: { rows: number; dryRun: boolean; skipped: ImportResult['skipped']; warnings: readonly FieldError[] },
  outcome: ImportOutcome,
): ImportResult {
  return {
    dryRun: file.dryRun,
    rows: file.rows,
    ...outcome.counts,
    skipped: file.skipped,
    warnings: [...file.warnings, ...outcome.warnings].slice(0, MAX_REPORTED_ERRORS),
    ...(outcome.preview ? { preview: outcome.preview } : {}),
  };
}
