import type { AuditEvent, FindingKind, SignalStatus } from '@autonomy/contracts';
import { NO_VALUE } from '../../lib/format.ts';
import { FIGURE_FIELDS, formatFigureValue, type FigureKey } from '../figures/figure-fields.ts';
import { kindLabel, statusLabel } from '../signals/signal-labels.ts';

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

export function describeAuditEvent(event: AuditEvent): string {
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
    case 'area.created':
      return `${who} created the area`;
    case 'area.updated': {
      const changes = areaChanges(event.before, event.after);
      return changes.length > 0 ? `${who} updated the area: ${changes.join(', ')}` : `${who} updated the area`;
    }
    case 'signal.status_changed':
      return describeSignalChange(who, event);
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

const AREA_FIELDS: readonly { key: string; name: string }[] = [
  { key: 'name', name: 'name' },
  { key: 'leadEmail', name: 'lead' },
  { key: 'status', name: 'status' },
];

function areaChanges(before: unknown, after: unknown): string[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const changes = AREA_FIELDS.filter(({ key }) => from[key] !== to[key]).map(
    ({ key, name }) => `${name} ${readText(from[key])} → ${readText(to[key])}`,
  );
  // A description is a paragraph: saying that it changed reads better than quoting both.
  if (from.description !== to.description) changes.push('description changed');
  return changes;
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

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
