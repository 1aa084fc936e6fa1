import type { ImportPreview } from '@autonomy/contracts';
import { countOf, formatAmount, formatMonthShort } from '../../lib/format.ts';

// A file can touch thousands of areas; the first rows are enough to judge it.
const AREAS_LISTED = 100;
const SIGNALS_LISTED = 50;

const KIND_WORDS = { chipotle_drift: 'Chipotle drift', ownership_erosion: 'ownership erosion', revenue_miss: 'revenue miss' } as const;
const CHANGE_WORDS = { opens: 'opens', reopens: 'reopens', escalates: 'escalates', eases: 'eases', clears: 'clears' } as const;

/** What a checked file would do, area by area, and the signals it would move. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { signals } = preview;
  const moved = signals.opens + signals.reopens + signals.escalates + signals.eases + signals.clears;
  const listedAreas = preview.areas.slice(0, AREAS_LISTED);
  return (
    <div className="import-preview" data-testid="import-preview">
      <div className="table-scroll">
        <table className="table table--compact">
          <caption className="visually-hidden">What the import would change, by area</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="numeric">New months</th>
              <th scope="col" className="numeric">Changed</th>
              <th scope="col" className="numeric">Unchanged</th>
              <th scope="col">First changes</th>
            </tr>
          </thead>
          <tbody>
            {listedAreas.map((area) => (
              <tr key={area.areaSlug} data-area={area.areaSlug}>
                <th scope="row">
                  {area.areaName} {area.newArea && <span className="badge">new area</span>}
                </th>
                <td className="numeric">{area.monthsCreated}</td>
                <td className="numeric">{area.monthsChanged}</td>
                <td className="numeric">{area.monthsUnchanged}</td>
                <td className="small">
                  {area.changes.length === 0
                    ? '—'
                    : area.changes.map((change) => `${formatMonthShort(change.month)} ${change.column}: ${show(change.before)} → ${show(change.after)}`).join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.areas.length > listedAreas.length && (
        <p className="muted small">Showing the first {AREAS_LISTED} of {preview.areas.length} areas.</p>
      )}
      <p data-testid="import-preview-signals">
        {moved === 0
          ? 'No signal would open, escalate or clear.'
          : `Signals: ${[
              [signals.opens, 'would open'],
              [signals.reopens, 'would reopen'],
              [signals.escalates, 'would escalate'],
              [signals.eases, 'would ease'],
              [signals.clears, 'would clear'],
            ]
              .filter(([count]) => (count as number) > 0)
              .map(([count, what]) => `${countOf(count as number, 'signal')} ${what}`)
              .join(', ')}.`}
      </p>
      {signals.listed.length > 0 && (
        <ul className="small import-preview__signals">
          {signals.listed.slice(0, SIGNALS_LISTED).map((signal) => (
            <li key={`${signal.areaSlug}-${signal.month}-${signal.kind}`}>
              {signal.areaSlug}, {formatMonthShort(signal.month)}: {KIND_WORDS[signal.kind]} {CHANGE_WORDS[signal.change]}
              {signal.change === 'escalates' || signal.change === 'eases'
                ? ` (${signal.previousSeverity} → ${signal.severity})`
                : ` (${signal.severity})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function show(value: number | string): string {
  return typeof value === 'number' ? formatAmount(value) : value;
}
