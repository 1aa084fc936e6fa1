import type { SignalDetail, SignalEvent, SignalStatus, UpdateSignalStatus } from '@autonomy/contracts';
import { severityLabel, statusLabel } from './signal-labels.ts';

/** What a person can do to a signal; each sets one status. */
export type SignalAction = 'acknowledge' | 'resolve' | 'dismiss' | 'reopen';

export const SIGNAL_ACTION_STATUS: Record<SignalAction, UpdateSignalStatus['status']> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  dismiss: 'dismissed',
  reopen: 'open',
};

export const SIGNAL_ACTION_LABELS: Record<SignalAction, string> = {
  acknowledge: 'Acknowledge',
  resolve: 'Resolve',
  dismiss: 'Dismiss',
  reopen: 'Reopen',
};

/**
 * The moves that make sense from each status. A cleared signal belongs to the data (the finding
 * no longer holds, and the API refuses changes with a 409), so it offers none.
 */
export function availableActions(status: SignalStatus): SignalAction[] {
  switch (status) {
    case 'open':
      return ['acknowledge', 'resolve', 'dismiss'];
    case 'acknowledged':
      return ['resolve', 'dismiss', 'reopen'];
    case 'resolved':
    case 'dismissed':
      return ['reopen'];
    case 'cleared':
      return [];
  }
}

export interface SignalEventWording {
  /** What happened: "Raised", "Acknowledged", "Cleared by data", "Reopened". */
  what: string;
  /** Who did it: a person's name, or "the data" for a recomputation. */
  who: string;
}

/**
 * One line of a signal's history, read from the status change rather than the API's action name,
 * so a new action name still reads sensibly; the action name is the fallback when the status
 * did not change (a recomputation that only changed the figures).
 */
export function describeSignalEvent(event: SignalEvent): SignalEventWording {
  const who = event.actor?.name ?? 'the data';
  if (event.fromStatus === null) return { what: 'Raised', who };
  if (event.fromStatus === event.toStatus) return { what: sentenceCase(event.action), who };
  if (event.toStatus === 'open') return { what: 'Reopened', who };
  // "Cleared by data by the data" would stutter.
  if (event.toStatus === 'cleared') return { what: 'Cleared', who };
  return { what: statusLabel(event.toStatus), who };
}

function sentenceCase(action: string): string {
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Updated';
}

/**
 * What to tell someone whose decision was refused because the signal changed after they saw it
 * (a 412): who changed it, what it is now, and that the decision is theirs to take again. Only a
 * change of status moves a signal's version, so the newest such change is the one that got in first.
 */
export function describeSignalConflict(latest: SignalDetail, seen: Pick<SignalDetail, 'status' | 'severity'>): string {
  if (latest.status === 'cleared') {
    return 'The figures changed meanwhile and cleared this signal: there is nothing left to decide.';
  }
  // A recomputation that changes the severity changes the signal's version, not its status.
  if (latest.status === seen.status && latest.severity !== seen.severity) {
    return `The figures changed meanwhile: this signal is now ${severityLabel(latest.severity).toLowerCase()} (it was ${severityLabel(seen.severity).toLowerCase()}). Look again and decide.`;
  }
  const newestChange = latest.history
    .filter((event) => event.fromStatus !== null && event.fromStatus !== event.toStatus)
    .reduce<SignalEvent | undefined>((newest, event) => (newest === undefined || event.at > newest.at ? event : newest), undefined);
  const who = newestChange === undefined ? 'Someone else' : (newestChange.actor?.name ?? 'A recomputation of the figures');
  return `${who} changed this signal meanwhile: it is now ${statusLabel(latest.status).toLowerCase()}. Look again and decide.`;
}
