import type { MetricsCsvRow } from '@autonomy/contracts';

/**
 * What an import's single audit event says about each area in the file, so that every area's
 * history can tell its own part of the import: "12 months (Jan 2025 – Dec 2025)".
 */
export interface ImportedArea {
  slug: string;
  /** The file's rows for this area; the format allows a month only once, so also its months. */
  rows: number;
  firstMonth: string;
  lastMonth: string;
  /** The import created the area: the file named it before anyone had added it. */
  created: boolean;
}

/** The file's areas in slug order, each with its rows and the span of months they cover. */
export function summariseImportByArea(
  rows: readonly Pick<MetricsCsvRow, 'areaSlug' | 'month'>[],
  /** The areas the import itself created, as `importAreaMonths` reports them. */
  createdSlugs: ReadonlySet<string>,
): ImportedArea[] {
  const bySlug = new Map<string, ImportedArea>();
  for (const { areaSlug, month } of rows) {
    const area = bySlug.get(areaSlug);
    if (!area) {
      bySlug.set(areaSlug, { slug: areaSlug, rows: 1, firstMonth: month, lastMonth: month, created: createdSlugs.has(areaSlug) });
      continue;
    }
    area.rows += 1;
    // `YYYY-MM` sorts as text in calendar order.
    if (month < area.firstMonth) area.firstMonth = month;
    if (month > area.lastMonth) area.lastMonth = month;
  }
  return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
