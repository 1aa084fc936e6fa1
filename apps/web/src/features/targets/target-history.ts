import type { AreaTargets, MonthTarget, TargetChange } from '@autonomy/contracts';
import { countOf, formatAmount, formatMonthSpan } from '../../lib/format.ts';
import { monthsCovered } from './target-form.ts';

/**
 * The target history in words. A change covers a month or a range; each month may have had its
 * own target before, or none, so "old → new" sums up the months' previous targets honestly rather
 * than quoting the first one.
 */

const SOURCE_LABELS: Readonly<Record<TargetChange['source'], string | null>> = {
  // Set on purpose with the targets form: the reason says why, no label needed.
  target: null,
  figures: 'From a figures edit',
  import: 'From a CSV import',
};

/** Where a change came from, when it was not the targets form. */
export function targetSourceLabel(source: TargetChange['source']): string | null {
  return SOURCE_LABELS[source];
}

/**
 * The targets the months had before a change: one amount when they agree, the lowest and highest
 * when they differ, "no target" when none had one; and how many had one when only some did.
 */
export function formatPreviousTargets(previous: TargetChange['previous'], monthCount: number): string {
  if (previous.length === 0) return 'no target';
  const amounts = previous.map((month) => month.revenueTarget);
  const lowest = Math.min(...amounts);
  const highest = Math.max(...amounts);
  const value = lowest === highest ? formatAmount(lowest) : `${formatAmount(lowest)}–${formatAmount(highest)}`;
  return previous.length < monthCount ? `${value} (${previous.length} of ${countOf(monthCount, 'month')})` : value;
}

export interface TargetChangeSummary {
  /** `Jan 2026 – Mar 2026`, or one month. */
  range: string;
  /** `120,000 → 130,000`, `no target → 130,000`, `100,000–120,000 → 130,000`. */
  oldToNew: string;
  /** The source, for a change made by editing figures or importing them; null for the targets form. */
  sourceLabel: string | null;
}

export function summariseTargetChange(change: TargetChange): TargetChangeSummary {
  const monthCount = monthsCovered(change.from, change.to) ?? change.previous.length;
  return {
    range: formatMonthSpan(change.from, change.to),
    oldToNew: `${formatPreviousTargets(change.previous, monthCount)} → ${formatAmount(change.revenueTarget)}`,
    sourceLabel: targetSourceLabel(change.source),
  };
}

/** The months with a target but no figures yet, oldest first: the targets planned ahead. */
export function plannedTargets(targets: AreaTargets): MonthTarget[] {
  return targets.months.filter((month) => month.planned).sort((a, b) => a.month.localeCompare(b.month));
}
