import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Incident, User } from '@autonomy/contracts';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { ApiError } from '../../lib/api.ts';
import { countOf, formatMonthShort } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { canActOnSignals } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { IncidentPanel } from './incident-panel.tsx';
import { useDecideIncidents, useIncidents } from './incident-queries.ts';
import {
  describeIncidentSpan,
  filterIncidents,
  readTriageFilters,
  TRIAGE_STATUSES,
  triageOptions,
  triageSearch,
  type TriageFilters,
} from './incident-triage.ts';
import { KindTag, SeverityBadge, StatusBadge } from './signal-badges.tsx';
import { kindLabel, severityLabel } from './signal-labels.ts';

/**
 * Triage: the incidents running across every area, most severe and oldest first. Executives and
 * admins decide on several at once with one reason; anyone can open one to see its months and
 * history, and an area's leads add context as comments.
 */
export function SignalsPage() {
  useDocumentTitle('Signals');
  const session = useSessionUser();
  const { searchParams } = useLocation();
  const filters = readTriageFilters(searchParams);
  const incidents = useIncidents({ status: filters.status });
  const shown = useMemo(() => filterIncidents(incidents.data ?? [], filters), [incidents.data, filters]);
  const options = useMemo(() => triageOptions(incidents.data ?? []), [incidents.data]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Outside the bulk form: after a decision the list it stood over may be empty.
  const [decided, setDecided] = useState<string | null>(null);
  const user = session.data;
  const canDecide = user ? canActOnSignals(user.role) : false;

  // A selection only ever holds incidents on screen: a new filter or a refetch drops the others.
  useEffect(() => {
    setSelected((current) => {
      const visible = new Set(shown.map((incident) => incident.id));
      const kept = [...current].filter((id) => visible.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [shown]);

  const setFilters = (changes: Partial<TriageFilters>) => navigate(`/signals${triageSearch({ ...filters, ...changes })}`, { replace: true });
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Signals</h1>
          <p className="muted">
            Each signal is an incident: the consecutive months in which an area has the same finding, decided on once. A
            decision holds while the incident goes on, unless its severity rises or a snooze ends; the first month with
            enough data and no finding resolves it. Most severe first, then oldest.
          </p>
        </div>
      </div>

      <TriageFilterBar filters={filters} options={options} onChange={setFilters} />
      {decided && (
        <p className="notice notice--success" role="status">
          {decided}
        </p>
      )}

      {incidents.isPending ? (
        <LoadingState label="Loading the signals…" />
      ) : incidents.isError ? (
        <ErrorState error={incidents.error} onRetry={() => void incidents.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState title={(incidents.data ?? []).length === 0 ? emptyTitle(filters) : 'No signal matches these filters'}>
          {filters.status === 'open' && (incidents.data ?? []).length === 0 && (
            <p className="muted">Acknowledged, dismissed and resolved ones are under the other statuses.</p>
          )}
        </EmptyState>
      ) : (
        <>
          {canDecide && user && (
            <BulkDecision
              incidents={shown.filter((incident) => selected.has(incident.id))}
              onStart={() => setDecided(null)}
              onDone={(what) => {
                setSelected(new Set());
                setDecided(what);
              }}
              user={user}
            />
          )}
          <p className="muted" role="status">
            {countOf(shown.length, 'signal')}
            {shown.length !== (incidents.data ?? []).length && ` of ${(incidents.data ?? []).length}`}
          </p>
          <IncidentTable
            incidents={shown}
            selectable={canDecide}
            selected={selected}
            onToggle={toggle}
            onToggleAll={(all) => setSelected(all ? new Set(shown.map((incident) => incident.id)) : new Set())}
            user={user}
          />
        </>
      )}
    </div>
  );
}

function emptyTitle(filters: TriageFilters): string {
  switch (filters.status) {
    case 'open':
      return 'No signal needs a decision';
    case 'unresolved':
      return 'No signal is running';
    default:
      return `No ${filters.status} signals`;
  }
}

function TriageFilterBar({ filters, options, onChange }: {
  filters: TriageFilters;
  options: ReturnType<typeof triageOptions>;
  onChange: (changes: Partial<TriageFilters>) => void;
}) {
  const id = useId();
  return (
    <form className="triage-filters" aria-label="Filter the signals" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filters.status} onChange={(event) => onChange({ status: event.target.value as TriageFilters['status'] })}>
          {TRIAGE_STATUSES.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-severity`}>Severity</label>
        <select id={`${id}-severity`} value={filters.severity ?? ''} onChange={(event) => onChange({ severity: (event.target.value || undefined) as TriageFilters['severity'] })}>
          <option value="">Any</option>
          {(['critical', 'warning', 'watch'] as const).map((severity) => (
            <option key={severity} value={severity}>{severityLabel(severity)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-kind`}>Finding</label>
        <select id={`${id}-kind`} value={filters.kind ?? ''} onChange={(event) => onChange({ kind: (event.target.value || undefined) as TriageFilters['kind'] })}>
          <option value="">Any</option>
          {(['chipotle_drift', 'ownership_erosion', 'revenue_miss'] as const).map((kind) => (
            <option key={kind} value={kind}>{kindLabel(kind)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-area`}>Area</label>
        <select id={`${id}-area`} value={filters.area ?? ''} onChange={(event) => onChange({ area: event.target.value || undefined })}>
          <option value="">Any</option>
          {withChosen(options.areas.map((area) => ({ value: area.slug, label: area.name })), filters.area).map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-lead`}>Lead</label>
        <select id={`${id}-lead`} value={filters.lead ?? ''} onChange={(event) => onChange({ lead: event.target.value || undefined })}>
          <option value="">Any</option>
          {withChosen(options.leads.map((lead) => ({ value: lead, label: lead })), filters.lead).map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
    </form>
  );
}

/** The menu's options, keeping the one in the address even when no incident of this status has it. */
function withChosen(options: { value: string; label: string }[], chosen: string | undefined) {
  return chosen === undefined || options.some((option) => option.value === chosen) ? options : [...options, { value: chosen, label: chosen }];
}

function IncidentTable({ incidents, selectable, selected, onToggle, onToggleAll, user }: {
  incidents: readonly Incident[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (all: boolean) => void;
  user: User | undefined;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  const allSelected = incidents.length > 0 && incidents.every((incident) => selected.has(incident.id));
  const columns = selectable ? 7 : 6;
  return (
    <div className="table-scroll">
      <table className="table triage-table">
        <caption className="visually-hidden">Signals, most severe and oldest first</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col">
                <input type="checkbox" aria-label="Select every signal shown" checked={allSelected} onChange={(event) => onToggleAll(event.target.checked)} />
              </th>
            )}
            <th scope="col">Area</th>
            <th scope="col">Finding</th>
            <th scope="col">Severity</th>
            <th scope="col">Months</th>
            <th scope="col">Status</th>
            <th scope="col">Leads</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => {
            const isOpen = openId === incident.id;
            const what = `${incident.areaName}’s ${kindLabel(incident.kind).toLowerCase()} since ${formatMonthShort(incident.firstMonth)}`;
            return (
              <IncidentRows key={incident.id} incident={incident} isOpen={isOpen} columns={columns} user={user}>
                {selectable && (
                  <td>
                    <input type="checkbox" aria-label={`Select ${what}`} checked={selected.has(incident.id)} onChange={() => onToggle(incident.id)} />
                  </td>
                )}
                <td>
                  <Link to={`/areas/${encodeURIComponent(incident.areaSlug)}?month=${incident.latestMonth}`}>{incident.areaName}</Link>
                </td>
                <td>
                  <KindTag kind={incident.kind} />
                </td>
                <td>
                  <SeverityBadge severity={incident.currentSeverity} />
                  {incident.peakSeverity !== incident.currentSeverity && (
                    <span className="muted small"> peak {severityLabel(incident.peakSeverity).toLowerCase()}</span>
                  )}
                </td>
                <td>
                  <button type="button" className="signal__toggle triage-table__toggle" aria-expanded={isOpen} onClick={() => setOpenId(isOpen ? null : incident.id)}>
                    <span className="signal__chevron" aria-hidden="true">
                      {isOpen ? '▾' : '▸'}
                    </span>
                    {describeIncidentSpan(incident)}
                    <span className="visually-hidden">: the months and history of {what}</span>
                  </button>
                </td>
                <td>
                  <StatusBadge status={incident.status} />
                  {incident.escalated && incident.status === 'open' && <span className="badge badge--critical triage-escalated">Escalated</span>}
                  {incident.status === 'dismissed' && incident.snoozedUntil && (
                    <span className="muted small"> until {formatMonthShort(incident.snoozedUntil)}</span>
                  )}
                </td>
                <td>{incident.leads.length > 0 ? incident.leads.join(', ') : <span className="muted">No lead</span>}</td>
              </IncidentRows>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function IncidentRows({ incident, isOpen, columns, user, children }: {
  incident: Incident;
  isOpen: boolean;
  columns: number;
  user: User | undefined;
  children: React.ReactNode;
}) {
  return (
    <>
      <tr data-incident-id={incident.id} data-incident-status={incident.status} data-severity={incident.currentSeverity}>
        {children}
      </tr>
      {isOpen && (
        <tr className="triage-table__detail">
          <td colSpan={columns}>
            <IncidentPanel id={incident.id} user={user} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Acknowledge or dismiss the selected incidents with one reason (and, for a dismissal, an optional end month). */
function BulkDecision({ incidents, onStart, onDone, user }: {
  incidents: readonly Incident[];
  onStart: () => void;
  /** Called with what was decided, in words. */
  onDone: (what: string) => void;
  user: User;
}) {
  const decide = useDecideIncidents();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const id = useId();
  const count = incidents.length;

  function submit(status: 'acknowledged' | 'dismissed') {
    onStart();
    decide.mutate(
      {
        status,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(status === 'dismissed' && until ? { until } : {}),
        incidents: incidents.map((incident) => ({ id: incident.id, version: incident.version })),
      },
      {
        onSuccess: (decided) => {
          setReason('');
          setUntil('');
          onDone(`${status === 'acknowledged' ? 'Acknowledged' : 'Dismissed'} ${countOf(decided.length, 'signal')} (${user.name}).`);
        },
      },
    );
  }

  const onSubmit = (event: FormEvent) => event.preventDefault();
  const dismissNeedsReason = reason.trim() === '';
  return (
    <form className="panel triage-bulk" aria-label="Decide on the selected signals" onSubmit={onSubmit}>
      <p className="triage-bulk__count">{count === 0 ? 'Select signals to decide on several at once.' : `${countOf(count, 'signal')} selected`}</p>
      <div className="triage-bulk__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>Reason (needed to dismiss)</label>
          <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-until`}>Dismiss until (optional)</label>
          <input id={`${id}-until`} type="month" value={until} onChange={(event) => setUntil(event.target.value)} aria-describedby={`${id}-until-hint`} />
          <p id={`${id}-until-hint`} className="field__hint">After this month a signal still running reopens.</p>
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={count === 0 || decide.isPending} onClick={() => submit('acknowledged')}>
          Acknowledge {count > 0 ? countOf(count, 'signal') : ''}
        </button>
        <button
          type="button"
          className="button"
          disabled={count === 0 || decide.isPending || dismissNeedsReason}
          title={dismissNeedsReason ? 'Write the reason first' : undefined}
          onClick={() => submit('dismissed')}
        >
          Dismiss {count > 0 ? countOf(count, 'signal') : ''}
        </button>
      </div>
      {decide.isError && (
        decide.error instanceof ApiError && decide.error.status === 412 ? (
          <div className="notice notice--error" role="alert">
            {decide.error.problem.detail} The list shows them as they are now.
          </div>
        ) : (
          <ProblemNotice error={decide.error} action="decide on these signals" />
        )
      )}
    </form>
  );
}
