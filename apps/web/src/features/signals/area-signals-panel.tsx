import { useId, useMemo, useState, type FormEvent } from 'react';
import { updateSignalStatusSchema, type DriftRules, type Signal } from '@autonomy/contracts';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { formatDateTime, formatMonthLong } from '../../lib/format.ts';
import { Link } from '../../router.tsx';
import { KindTag, SeverityBadge, StatusBadge } from './signal-badges.tsx';
import { SignalDeltas, SignalExplanation } from './signal-explanation.tsx';
import {
  availableActions,
  describeSignalConflict,
  describeSignalEvent,
  SIGNAL_ACTION_LABELS,
  SIGNAL_ACTION_STATUS,
  type SignalAction,
} from './signal-lifecycle.ts';
import { sortSignalsNewestFirst } from './signal-order.ts';
import { SignalChangedError, useSignalDetail, useSignals, useUpdateSignalStatus } from './queries.ts';

/**
 * An area's findings over time, newest first. Each opens to its explanation and history; people
 * who run the review (admins, executives) can also move it through its lifecycle there.
 */
export function AreaSignalsPanel({ slug, focusMonth, rules, canAct }: {
  slug: string;
  /** The month the page is about: its findings start open, since that is what the reader came for. */
  focusMonth: string;
  rules: DriftRules | undefined;
  canAct: boolean;
}) {
  const signals = useSignals({ area: slug });
  const ordered = useMemo(() => (signals.data ? sortSignalsNewestFirst(signals.data) : []), [signals.data]);

  return (
    <section className="panel" aria-labelledby="area-signals-heading">
      <div className="panel__header">
        <h2 id="area-signals-heading">Signals</h2>
        <p className="muted">
          Findings for this area, newest month first. Open one to see why it was raised and what has happened to it
          since. Consecutive months of one finding are one incident: a decision on any of its months counts for all of
          them (see <Link to={`/signals?${new URLSearchParams({ status: 'unresolved', area: slug }).toString()}`}>Signals</Link>).
        </p>
      </div>
      {signals.isPending ? (
        <LoadingState label="Loading the area’s signals…" />
      ) : signals.isError ? (
        <ErrorState error={signals.error} onRetry={() => void signals.refetch()} />
      ) : ordered.length === 0 ? (
        <EmptyState title="No signals for this area" />
      ) : (
        <ul className="signal-list">
          {ordered.map((signal) => (
            <AreaSignal
              key={signal.id}
              signal={signal}
              rules={rules}
              canAct={canAct}
              isFocusMonth={signal.month === focusMonth}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AreaSignal({ signal, rules, canAct, isFocusMonth }: {
  signal: Signal;
  rules: DriftRules | undefined;
  canAct: boolean;
  isFocusMonth: boolean;
}) {
  const [open, setOpen] = useState(isFocusMonth);
  const detailsId = useId();
  return (
    <li
      className={`signal signal--${signal.kind}${isFocusMonth ? ' is-focused' : ''}`}
      data-signal-id={signal.id}
      data-signal-kind={signal.kind}
      data-signal-status={signal.status}
    >
      <div className="signal__header">
        <button
          type="button"
          className="signal__toggle"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen((current) => !current)}
        >
          <span className="signal__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {formatMonthLong(signal.month)}
        </button>
        <KindTag kind={signal.kind} />
        <span className="signal__badges">
          <SeverityBadge severity={signal.severity} />
          <StatusBadge status={signal.status} />
        </span>
      </div>
      <SignalDeltas signal={signal} rules={rules} />
      {open && (
        <div id={detailsId} className="signal__details">
          <SignalExplanation lines={signal.explanation} />
          {signal.statusReason && <p className="small">Reason given: {signal.statusReason}</p>}
          <SignalHistory id={signal.id} />
          {signal.status === 'cleared' ? (
            <p className="muted small">Cleared by data: the figures no longer show this finding, so there is nothing to act on.</p>
          ) : (
            canAct && <SignalActions signal={signal} />
          )}
        </div>
      )}
    </li>
  );
}

function SignalHistory({ id }: { id: string }) {
  const detail = useSignalDetail(id);
  if (detail.isPending) return <LoadingState label="Loading the history…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  // Oldest first reads as a story: raised, acknowledged, cleared…
  const events = [...detail.data.history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div>
      <h3 className="subheading">History</h3>
      {events.length === 0 ? (
        <p className="muted small">No changes yet.</p>
      ) : (
        <ol className="signal-history">
          {events.map((event, index) => {
            const { what, who } = describeSignalEvent(event);
            return (
              <li key={`${event.at}-${index}`} data-event-status={event.toStatus} data-event-by={event.actor ? 'person' : 'data'}>
                <span className="signal-history__what">{what}</span> by {who}
                <span className="muted"> · {formatDateTime(event.at)}</span>
                {event.comment && <p className="signal-history__comment">“{event.comment}”</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/**
 * The lifecycle buttons. Waits for the API each time: no status is shown until the server has it.
 * Every decision names the version it was taken on; when someone decided first, the refusal says
 * what the signal is now, and a reason being typed stays where it is for the next try.
 */
function SignalActions({ signal }: { signal: Signal }) {
  const change = useUpdateSignalStatus();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonId = useId();
  const reasonErrorId = useId();
  const actions = availableActions(signal.status);
  const pendingStatus = change.isPending ? change.variables.update.status : null;

  function run(action: SignalAction) {
    if (action === 'dismiss') {
      change.reset();
      setDismissing(true);
      return;
    }
    change.mutate({ id: signal.id, update: { status: SIGNAL_ACTION_STATUS[action] }, version: signal.version });
  }

  function handleDismiss(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The contract's own rule: a dismissal needs its reason.
    const update = updateSignalStatusSchema.safeParse({ status: 'dismissed', reason: reason.trim() || undefined });
    if (!update.success) {
      setReasonError('Say why this signal is being dismissed.');
      return;
    }
    setReasonError(null);
    change.mutate(
      { id: signal.id, update: update.data, version: signal.version },
      {
        onSuccess: () => {
          setDismissing(false);
          setReason('');
        },
      },
    );
  }

  return (
    <div className="signal-actions">
      <div className="button-row" role="group" aria-label="Change the signal’s status">
        {actions.map((action) => {
          const label = SIGNAL_ACTION_LABELS[action];
          const busy = pendingStatus === SIGNAL_ACTION_STATUS[action];
          return (
            <button
              key={action}
              type="button"
              className="button button--small"
              disabled={change.isPending || (action === 'dismiss' && dismissing)}
              onClick={() => run(action)}
            >
              {busy ? `${label}…` : label}
            </button>
          );
        })}
      </div>
      {/* After a refusal the signal may no longer be dismissable; the reason waits for a later dismissal. */}
      {dismissing && actions.includes('dismiss') && (
        <form className="dismiss-form" onSubmit={handleDismiss} noValidate>
          <label className="field__label" htmlFor={reasonId}>
            Why dismiss it?
          </label>
          <textarea
            id={reasonId}
            value={reason}
            rows={2}
            maxLength={2000}
            required
            aria-invalid={reasonError !== null}
            aria-describedby={reasonError ? reasonErrorId : undefined}
            onChange={(event) => setReason(event.target.value)}
            autoFocus
          />
          {reasonError && (
            <p id={reasonErrorId} className="field__error">
              {reasonError}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button button--small button--primary" disabled={change.isPending}>
              {pendingStatus === 'dismissed' ? 'Dismissing…' : 'Dismiss signal'}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={change.isPending}
              onClick={() => {
                setDismissing(false);
                setReasonError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {change.error instanceof SignalChangedError ? (
        <div className="notice notice--error signal-conflict" role="alert">
          <p>
            <span className="notice__title">Your decision was not saved.</span> {describeSignalConflict(change.error.latest, signal)}
          </p>
        </div>
      ) : (
        change.isError && <ProblemNotice error={change.error} action="The signal was not changed" />
      )}
    </div>
  );
}
