import type { SignalEvent, SignalStatus, UpdateSignalStatus } from '@autonomy/contracts';
import { statusLabel } from './signal-labels.ts';

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
