import { useId, useState, type FormEvent } from 'react';
import { decideIncidentSchema, incidentCommentSchema, type IncidentDetail, type User } from '@autonomy/contracts';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { formatDateTime, formatDelta, formatMonthLong, formatMonthShort } from '../../lib/format.ts';
import { canActOnSignals } from '../auth/permissions.ts';
import { IncidentChangedError, useCommentOnIncident, useDecideIncident, useIncidentDetail } from './incident-queries.ts';
import { canCommentOnIncident } from './incident-triage.ts';
import { SeverityBadge } from './signal-badges.tsx';
import { SignalExplanation } from './signal-explanation.tsx';
import { availableActions, describeSignalEvent, SIGNAL_ACTION_LABELS, SIGNAL_ACTION_STATUS, type SignalAction } from './signal-lifecycle.ts';

/** One incident opened: its months (each with that month's severity, deltas and why), gaps, history and comments. */
export function IncidentPanel({ id, user }: { id: string; user: User | undefined }) {
  const detail = useIncidentDetail(id);
  if (detail.isPending) return <LoadingState label="Loading the signal’s months and history…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const incident = detail.data;
  return (
    <div className="incident-panel" data-incident-panel={incident.id}>
      <div>
        <h3 className="subheading">Months</h3>
        <ol className="incident-months">
          {[...incident.monthsDetail].reverse().map((month) => (
            <li key={month.month}>
              <strong>{formatMonthLong(month.month)}</strong> <SeverityBadge severity={month.severity} />
              <span className="muted small">
                {' '}
                ownership {formatDelta(month.ownershipDelta)} · centralisation {formatDelta(month.centralisationDelta)}
              </span>
              <SignalExplanation lines={month.explanation} />
            </li>
          ))}
        </ol>
        {incident.gaps.length > 0 && (
          <p className="muted small">
            Paused, not ended, in {incident.gaps.map(formatMonthShort).join(', ')}: not enough data to tell.
          </p>
        )}
        {incident.statusReason && <p className="small">Reason given: {incident.statusReason}</p>}
      </div>
      <div>
        <IncidentHistory incident={incident} />
        {user && canActOnSignals(user.role) && incident.status !== 'cleared' && <IncidentActions incident={incident} />}
        {user && canCommentOnIncident(user, incident.areaSlug) && incident.status !== 'cleared' && <CommentForm id={incident.id} />}
      </div>
    </div>
  );
}

function IncidentHistory({ incident }: { incident: IncidentDetail }) {
  return (
    <>
      <h3 className="subheading">History and comments</h3>
      <ol className="signal-history">
        {incident.history.map((event, index) => {
          const { what, who } = event.action === 'commented' ? { what: 'Comment', who: event.actor?.name ?? 'someone' } : describeSignalEvent(event);
          return (
            <li key={`${event.at}-${index}`} data-event-action={event.action} data-event-by={event.actor ? 'person' : 'data'}>
              <span className="signal-history__what">{what}</span> by {who}
              {event.month && <span className="muted"> · {formatMonthShort(event.month)}’s figures</span>}
              <span className="muted"> · {formatDateTime(event.at)}</span>
              {event.comment && <p className="signal-history__comment">“{event.comment}”</p>}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** The decision buttons for one incident, on the version shown; a dismissal asks why and, if wanted, until when. */
function IncidentActions({ incident }: { incident: IncidentDetail }) {
  const decide = useDecideIncident();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const id = useId();

  function run(action: SignalAction) {
    decide.reset();
    if (action === 'dismiss') {
      setDismissing(true);
      return;
    }
    decide.mutate({ id: incident.id, decision: { status: SIGNAL_ACTION_STATUS[action] }, version: incident.version });
  }

  function dismiss(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const decision = decideIncidentSchema.safeParse({ status: 'dismissed', reason: reason.trim() || undefined, until: until || undefined });
    if (!decision.success) {
      setFormError(decision.error.issues.map((issue) => `${issue.path.join('.') === 'reason' ? 'Reason' : 'Until'} ${issue.message}.`).join(' '));
      return;
    }
    setFormError(null);
    decide.mutate({ id: incident.id, decision: decision.data, version: incident.version }, { onSuccess: () => setDismissing(false) });
  }

  return (
    <div className="signal-actions">
      <div className="button-row" role="group" aria-label="Decide on this signal">
        {availableActions(incident.status).map((action) => (
          <button key={action} type="button" className="button button--small" disabled={decide.isPending} onClick={() => run(action)}>
            {SIGNAL_ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {dismissing && (
        <form className="dismiss-form" onSubmit={dismiss} aria-label="Dismiss this signal">
          <label className="field__label" htmlFor={`${id}-reason`}>Why dismiss it?</label>
          <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
          <label className="field__label" htmlFor={`${id}-until`}>Until (optional: after this month it reopens if it still runs)</label>
          <input id={`${id}-until`} type="month" value={until} onChange={(event) => setUntil(event.target.value)} />
          {formError && <p className="field__error" role="alert">{formError}</p>}
          <div className="button-row">
            <button type="submit" className="button button--small button--primary" disabled={decide.isPending}>Dismiss</button>
            <button type="button" className="button button--small" onClick={() => setDismissing(false)}>Cancel</button>
          </div>
        </form>
      )}
      {decide.isError &&
        (decide.error instanceof IncidentChangedError ? (
          <p className="notice notice--error" role="alert">
            This signal changed meanwhile (it is now {decide.error.latest.status}); look again and decide.
          </p>
        ) : (
          <ProblemNotice error={decide.error} action="The signal was not changed" />
        ))}
    </div>
  );
}

/** Context from an area's lead, or a note from an executive: it joins the history and changes no status. */
function CommentForm({ id }: { id: string }) {
  const comment = useCommentOnIncident(id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = incidentCommentSchema.safeParse({ text });
    if (!parsed.success) {
      setError(`The comment ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
      return;
    }
    setError(null);
    comment.mutate(parsed.data.text, { onSuccess: () => setText('') });
  }

  return (
    <form className="incident-comment" onSubmit={submit}>
      <label className="field__label" htmlFor={inputId}>Add a comment</label>
      <textarea id={inputId} rows={2} maxLength={4000} value={text} onChange={(event) => setText(event.target.value)} />
      {error && <p className="field__error" role="alert">{error}</p>}
      {comment.isError && <ProblemNotice error={comment.error} action="The comment was not added" />}
      <button type="submit" className="button button--small" disabled={comment.isPending}>
        {comment.isPending ? 'Adding…' : 'Add comment'}
      </button>
    </form>
  );
}
