import {
  COLUMN_PATHS,
  type ImportPreview,
  METRICS_CSV_COLUMNS,
  type MetricsCsvRow,
  PREVIEW_CHANGES_PER_AREA,
  PREVIEW_SIGNALS_LISTED,
} from '@autonomy/contracts';
import type { AreaFiguresRow } from '@autonomy/db';
import type { SignalChange } from './signals.ts';

// The columns that hold figures: what an import can change in a month.
const FIGURE_COLUMNS = METRICS_CSV_COLUMNS.filter((column) => column !== 'area_slug' && column !== 'area_name' && column !== 'month');

/**
 * What a dry run tells before anything is written: per area of the file, how many months it
 * would create, change or leave as they are, with the first values that would change (before →
 * after), and the signals the new figures would move.
 */
export function previewImport(input: {
  rows: readonly MetricsCsvRow[];
  /** The stored figures of the file's areas, before the import. */
  stored: readonly AreaFiguresRow[];
  /** Every area of the file, by slug, as the import found or created it. */
  areas: ReadonlyMap<string, { id: string; name: string; created: boolean }>;
  signalChanges: readonly SignalChange[];
}): ImportPreview {
  const storedByKey = new Map(input.stored.map((figures) => [`${figures.areaSlug} ${figures.month}`, figures]));
  const bySlug = new Map<string, ImportPreview['areas'][number]>();
  for (const row of input.rows) {
    let area = bySlug.get(row.areaSlug);
    if (!area) {
      const known = input.areas.get(row.areaSlug);
      area = {
        areaSlug: row.areaSlug,
        areaName: known?.name ?? row.areaName,
        newArea: known?.created ?? true,
        monthsCreated: 0,
        monthsChanged: 0,
        monthsUnchanged: 0,
        changes: [],
      };
      bySlug.set(row.areaSlug, area);
    }
    const before = storedByKey.get(`${row.areaSlug} ${row.month}`);
    if (!before) {
      area.monthsCreated += 1;
      continue;
    }
    const differing = FIGURE_COLUMNS.filter((column) => before[COLUMN_PATHS[column]] !== row[COLUMN_PATHS[column]]);
    if (differing.length === 0) {
      area.monthsUnchanged += 1;
      continue;
    }
    area.monthsChanged += 1;
    for (const column of differing) {
      if (area.changes.length >= PREVIEW_CHANGES_PER_AREA) break;
      area.changes.push({ month: row.month, column, before: before[COLUMN_PATHS[column]], after: row[COLUMN_PATHS[column]] });
    }
  }
  for (const area of bySlug.values()) area.changes.sort((a, b) => byText(a.month, b.month));

  const slugById = new Map([...input.areas].map(([slug, area]) => [area.id, slug]));
  const counts = { opens: 0, reopens: 0, escalates: 0, eases: 0, clears: 0 };
  for (const change of input.signalChanges) counts[change.change] += 1;
  const listed = input.signalChanges
    .map(({ areaId, kind, month, change, severity, previousSeverity }) => ({ areaSlug: slugById.get(areaId) ?? areaId, month, kind, change, severity, previousSeverity }))
    .sort((a, b) => byText(a.areaSlug, b.areaSlug) || byText(a.month, b.month))
    .slice(0, PREVIEW_SIGNALS_LISTED);

  return {
    areas: [...bySlug.values()].sort((a, b) => byText(a.areaSlug, b.areaSlug)),
    signals: { ...counts, listed },
  };
}

/** Slugs and `YYYY-MM` months sort as text, code unit by code unit (not by locale). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
