import type { AuditEvent, FindingKind, SignalStatus } from '@autonomy/contracts';
import { countOf, formatAmount, formatMonthSpan, NO_VALUE } from '../../lib/format.ts';
import { FIGURE_FIELDS, formatFigureValue, type FigureKey } from '../figures/figure-fields.ts';
import { kindLabel, statusLabel } from '../signals/signal-labels.ts';
import { monthsCovered } from '../targets/target-form.ts';
import { formatPreviousTargets } from '../targets/target-history.ts';

/**
 * An audit event as one line of an area's Changes: who did what, with the figures that moved
 * read from its before and after ("Priya Raman updated figures for 2026-10: hires 3 → 4, approval
 * latency 12 → 16 days"). The API keeps before and after as it stored them (`unknown` in the
 * contract), so every value is read defensively: an event of an older shape still reads sensibly.
 */

/** Who did it: their name, or their email when the name is blank. */
export function actorName(event: AuditEvent): string {
  return event.actor.name.trim() || event.actor.email;
}

/**
 * `areaSlug` is the area whose history is being read: an import is one event for the whole file,
 * and each area's line tells that area's part of it.
 */
export function describeAuditEvent(event: AuditEvent, areaSlug: string | null = event.areaSlug): string {
  const who = actorName(event);
  const month = event.subject ?? 'a month';
  switch (event.action) {
    case 'figures.created':
      return `${who} added figures for ${month}`;
    case 'figures.updated': {
      const changes = figureChanges(event.before, event.after);
      return changes.length > 0
        ? `${who} updated figures for ${month}: ${changes.join(', ')}`
        : `${who} saved the figures for ${month} without changing them`;
    }
    case 'figures.deleted':
      return `${who} removed the figures for ${month}`;
    case 'area.created':
      return `${who} created the area`;
    case 'area.updated': {
      const changes = areaChanges(event.before, event.after);
      return changes.length > 0 ? `${who} updated the area: ${changes.join(', ')}` : `${who} updated the area`;
    }
    case 'signal.status_changed':
      return describeSignalChange(who, event);
    case 'targets.changed':
      return describeTargetChange(who, event);
    case 'metrics.imported':
      return describeImport(who, event.after, areaSlug);
    case 'review.decision_recorded':
      return `${who} recorded a decision in the review of ${month}: ${quoted(asRecord(event.after).text)}`;
    case 'review.action_item_added':
      return describeNewActionItem(who, month, asRecord(event.after));
    case 'review.action_item_updated':
      return describeActionItemChange(who, month, asRecord(event.before), asRecord(event.after));
    default:
      return `${who}: ${event.action.replace(/[._]+/g, ' ')}${event.subject ? ` (${event.subject})` : ''}`;
  }
}

/** "hires 3 → 4", one per figure that differs, in the form's order. */
export function figureChanges(before: unknown, after: unknown): string[] {
  const from = asRecord(before);
  const to = asRecord(after);
  return FIGURE_FIELDS.filter(({ key }) => from[key] !== to[key]).map(
    ({ key, inSentence, sentenceUnit }) =>
      `${inSentence} ${readFigure(key, from[key])} → ${readFigure(key, to[key])}${sentenceUnit}`,
  );
}

function readFigure(key: FigureKey, value: unknown): string {
  if (typeof value === 'number' || value === 'area' || value === 'central') return formatFigureValue(key, value);
  return NO_VALUE;
}

function areaChanges(before: unknown, after: unknown): string[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const changes: string[] = [];
  if (from.name !== to.name) changes.push(`name ${readText(from.name)} → ${readText(to.name)}`);
  const leadsBefore = readLeads(from);
  const leadsAfter = readLeads(to);
  if (leadsBefore.join() !== leadsAfter.join()) {
    const noun = leadsBefore.length > 1 || leadsAfter.length > 1 ? 'leads' : 'lead';
    changes.push(`${noun} ${listOrNone(leadsBefore)} → ${listOrNone(leadsAfter)}`);
  }
  if (from.status !== to.status) changes.push(`status ${readText(from.status)} → ${readText(to.status)}`);
  // A description is a paragraph: saying that it changed reads better than quoting both.
  if (from.description !== to.description) changes.push('description changed');
  return changes;
}

/**
 * An area's leads, sorted so that a reordering is no change. Events written before an area could
 * have several leads carry only `leadEmail`.
 */
function readLeads(area: Record<string, unknown>): string[] {
  if (Array.isArray(area.leadEmails)) {
    return area.leadEmails.filter((email): email is string => typeof email === 'string').sort();
  }
  return typeof area.leadEmail === 'string' && area.leadEmail !== '' ? [area.leadEmail] : [];
}

function listOrNone(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : 'none';
}

function readText(value: unknown): string {
  if (value === null) return 'none';
  return typeof value === 'string' && value !== '' ? value : NO_VALUE;
}

const SIGNAL_STATUSES: readonly SignalStatus[] = ['open', 'acknowledged', 'resolved', 'dismissed', 'cleared'];
const FINDING_KINDS: readonly FindingKind[] = ['chipotle_drift', 'ownership_erosion', 'revenue_miss'];

/** The API's subject for a signal is "<kind> <month>": "chipotle_drift 2026-10". */
function describeSignalChange(who: string, event: AuditEvent): string {
  const [kind, month] = (event.subject ?? '').split(' ');
  const signal = FINDING_KINDS.find((known) => known === kind);
  const what = signal ? `the ${kindLabel(signal)} signal` : 'a signal';
  const when = month ? ` for ${month}` : '';
  const from = readStatus(asRecord(event.before).status);
  const to = readStatus(asRecord(event.after).status);
  const reason = asRecord(event.after).reason;
  const because = typeof reason === 'string' && reason.trim() ? ` (“${reason.trim()}”)` : '';
  return `${who} changed ${what}${when}: ${from} → ${to}${because}`;
}

function readStatus(value: unknown): string {
  const status = SIGNAL_STATUSES.find((known) => known === value);
  return status ? statusLabel(status).toLowerCase() : NO_VALUE;
}

/**
 * "Priya Raman changed the revenue target for Jan 2027 – Mar 2027: 120,000 → 130,000 (“New
 * contract”)". The months' earlier targets are summed up as the target history does.
 */
function describeTargetChange(who: string, event: AuditEvent): string {
  const after = asRecord(event.after);
  const { from, revenueTarget, reason } = after;
  const to = after.to ?? from;
  if (!isMonth(from) || !isMonth(to) || typeof revenueTarget !== 'number') {
    return `${who} changed the revenue target${event.subject ? ` for ${event.subject}` : ''}`;
  }
  const previous = readPreviousTargets(asRecord(event.before).previous);
  const oldToNew = `${formatPreviousTargets(previous, monthsCovered(from, to) ?? previous.length)} → ${formatAmount(revenueTarget)}`;
  const because = typeof reason === 'string' && reason.trim() ? ` (“${reason.trim()}”)` : '';
  return `${who} changed the revenue target for ${formatMonthSpan(from, to)}: ${oldToNew}${because}`;
}

function readPreviousTargets(value: unknown): { month: string; revenueTarget: number }[] {
  if (!Array.isArray(value)) return [];
  return value.map(asRecord).flatMap(({ month, revenueTarget }) =>
    isMonth(month) && typeof revenueTarget === 'number' ? [{ month, revenueTarget }] : [],
  );
}

/**
 * "Priya Raman imported 12 months (Jan 2025 – Dec 2025) from a CSV file of 120 rows": the area's
 * own part of the file, read from the event's per-area summary. An import recorded before events
 * had that summary still says how large the file was.
 */
function describeImport(who: string, after: unknown, areaSlug: string | null): string {
  const { rows, areas } = asRecord(after);
  const file = typeof rows === 'number' ? `a CSV file of ${countOf(rows, 'row')}` : 'a CSV file';
  const part = Array.isArray(areas) ? areas.map(asRecord).find((area) => area.slug === areaSlug) : undefined;
  if (!part || typeof part.rows !== 'number' || !isMonth(part.firstMonth) || !isMonth(part.lastMonth)) {
    return `${who} imported ${file}`;
  }
  const months = `${countOf(part.rows, 'month')} (${formatMonthSpan(part.firstMonth, part.lastMonth)})`;
  return `${who} imported ${months} from ${file}${part.created === true ? ', creating the area' : ''}`;
}

/** "… added an action item in the review of 2026-10 for marcus.chen@demo.example, due 2026-12-15: “…”" */
function describeNewActionItem(who: string, month: string, item: Record<string, unknown>): string {
  const owner = typeof item.ownerEmail === 'string' ? ` for ${item.ownerEmail}` : '';
  const due = typeof item.dueOn === 'string' ? `, due ${item.dueOn}` : '';
  return `${who} added an action item in the review of ${month}${owner}${due}: ${quoted(item.title)}`;
}

/** The API records the item's title on both sides, and the fields that changed. */
function describeActionItemChange(who: string, month: string, before: Record<string, unknown>, after: Record<string, unknown>): string {
  const changes = (['status', 'ownerEmail', 'dueOn', 'title'] as const)
    .filter((key) => key in after && before[key] !== after[key])
    .map((key) => `${ACTION_ITEM_FIELD_NAMES[key]} ${readText(before[key])} → ${readText(after[key])}`);
  const what = `${who} changed the action item ${quoted(before.title)} from the review of ${month}`;
  return changes.length > 0 ? `${what}: ${changes.join(', ')}` : what;
}

const ACTION_ITEM_FIELD_NAMES = { status: 'status', ownerEmail: 'owner', dueOn: 'due date', title: 'title' } as const;

function quoted(value: unknown): string {
  return typeof value === 'string' && value.trim() ? `“${value.trim()}”` : NO_VALUE;
}

/** A `YYYY-MM` month; anything else would make the month formatters throw. */
function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
