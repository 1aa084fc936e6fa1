import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_IMPORT_ROWS, METRICS_CSV_COLUMNS, type ImportJob, type ImportResult } from '@autonomy/contracts';
import { ApiError, exportMetricsUrl } from '../../lib/api.ts';
import { countOf, formatAmount } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../router.tsx';
import { canImportFigures } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { ImportErrors } from './import-errors.tsx';
import { ImportPreviewView } from './import-preview.tsx';
import { errorReportOf, reportName, saveTextFile } from './error-report.ts';
import { useAreaChoices, useImportJob } from './queries.ts';

export function ImportPage() {
  useDocumentTitle('Import and export');
  const session = useSessionUser();
  const mayImport = session.data ? canImportFigures(session.data.role) : false;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Import and export</h1>
          <p className="muted">Monthly figures as CSV, one row per area and month, in the format of the export.</p>
        </div>
      </div>
      <div className="stack">
        {mayImport && session.data ? (
          <ImportPanel isLead={session.data.role === 'area_lead'} />
        ) : (
          <section className="panel">
            <p>Your role can read the figures but not import them. Ask an admin or the area’s lead.</p>
          </section>
        )}
        <ExportPanel leadsAreas={(session.data?.areaSlugs.length ?? 0) > 0} />
      </div>
    </div>
  );
}

function ImportPanel({ isLead }: { isLead: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  // A lead's usual file is the whole export: their rows and everybody else's.
  const [onlyMine, setOnlyMine] = useState(isLead);
  const importer = useImportJob();
  const fileInputId = useId();
  const { job } = importer;
  const busy = importer.uploading || job?.status === 'running';

  function handleFileChange(event: ChangeEvent<HTMLInputElement>) {
    setFile(event.target.files?.[0] ?? null);
    // A verdict about the previous file would be misleading next to a new one.
    importer.reset();
  }

  function run(dryRun: boolean) {
    if (file) importer.start({ file, dryRun, onlyMine: isLead && onlyMine });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(true);
  }

  const checking = busy && (importer.uploading ? importer.request?.dryRun : job?.dryRun);

  return (
    <section className="panel" aria-labelledby="import-heading">
      <div className="panel__header">
        <h2 id="import-heading">Import figures</h2>
        <p className="muted">
          Check the file first: nothing changes until you import, and an import applies all rows or none. It goes on if you
          leave this page.
        </p>
      </div>
      <form className="import-form" onSubmit={handleSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={fileInputId}>
            CSV file
          </label>
          <input id={fileInputId} type="file" accept=".csv,text/csv" onChange={handleFileChange} />
          {file && <span className="muted small">{formatFileSize(file.size)}</span>}
        </div>
        {isLead && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={onlyMine}
              onChange={(event) => {
                setOnlyMine(event.target.checked);
                importer.reset();
              }}
            />{' '}
            Only my areas’ rows: skip the rows of other areas (and list them) instead of refusing the file
          </label>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={!file || busy}>
            {busy && checking ? 'Checking…' : 'Check'}
          </button>
          <button type="button" className="button button--primary" disabled={!file || busy} onClick={() => run(false)}>
            {busy && !checking ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      <CsvFormatHint />
      <div aria-live="polite">
        {importer.uploading && <UploadProgress fraction={importer.uploaded} fileName={importer.request?.file.name ?? ''} />}
        {job?.status === 'running' && <JobProgress job={job} />}
        {job?.status === 'done' && job.result && <ImportOutcome result={job.result} />}
        {job?.status === 'failed' && job.problem && (
          <ImportFailure error={new ApiError(job.problem)} dryRun={job.dryRun} file={file} />
        )}
        {importer.refused && <ImportFailure error={importer.refused} dryRun={importer.request?.dryRun ?? true} file={importer.request?.file ?? null} />}
        {importer.lost && !job && (
          <p className="notice notice--error" role="alert">
            The import could not be followed: {importer.lost.message}. It goes on (or has ended) on the server; the figures will
            show it.
          </p>
        )}
      </div>
    </section>
  );
}

function UploadProgress({ fraction, fileName }: { fraction: number; fileName: string }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="import-progress" role="status">
      <label>
        Sending {fileName}: {percent}%
        <progress max={100} value={percent} />
      </label>
    </div>
  );
}

/** Rows written count for the first half of the bar, areas reassessed for the second. */
function JobProgress({ job }: { job: ImportJob }) {
  const { progress } = job;
  const rowsShare = job.rows === 0 ? 1 : (progress?.rowsWritten ?? 0) / job.rows;
  const areasShare = progress?.areasToReassess ? progress.areasReassessed / progress.areasToReassess : progress?.areasToReassess === 0 ? 1 : 0;
  const percent = Math.round(50 * rowsShare + 50 * areasShare);
  const doing = job.dryRun ? 'Checking' : 'Importing';
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <label>
        {doing} {job.fileName}:{' '}
        {progress === null
          ? 'running'
          : progress.areasToReassess === null
            ? `${formatAmount(progress.rowsWritten)} of ${countOf(job.rows, 'row')} written`
            : `${formatAmount(job.rows)} rows written; ${formatAmount(progress.areasReassessed)} of ${countOf(progress.areasToReassess, 'area')} reassessed`}
        <progress max={100} value={percent} />
      </label>
    </div>
  );
}

/** The header the import expects, from the same list the API parses with. */
function CsvFormatHint() {
  return (
    <details className="format-hint">
      <summary>CSV format</summary>
      <p className="muted small">
        A header row with these columns, then one row per area and month (at most {formatAmount(MAX_IMPORT_ROWS)} rows).
        Months are written <code>YYYY-MM</code> (also read: <code>2026-11-01</code>, <code>Nov-26</code>,{' '}
        <code>Nov 2026</code>, <code>11/2026</code>, and a first of the month such as <code>11/1/2026</code> or{' '}
        <code>1/11/2026</code>); <code>target_owner</code> is <code>area</code> or <code>central</code>. Names
        of columns may use any case, spaces or underscores; other columns are ignored.
      </p>
      <p className="format-hint__columns">
        {METRICS_CSV_COLUMNS.map((column) => (
          <code key={column}>{column}</code>
        ))}
      </p>
    </details>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  return (
    <div className="notice notice--success" role="status">
      {result.dryRun ? (
        <>
          <p className="notice__title">The file is valid: {countOf(result.rows, 'row')}.</p>
          <p>Importing it would {describeChanges(result, 'planned')}. Nothing has changed yet.</p>
          {result.preview && <ImportPreviewView preview={result.preview} />}
        </>
      ) : (
        <>
          <p className="notice__title">Imported {countOf(result.rows, 'row')}.</p>
          <p>
            This {describeChanges(result, 'done')}. <Link to="/">See the portfolio</Link>
          </p>
        </>
      )}
      {result.skipped.length > 0 && (
        <p data-testid="import-skipped">
          Skipped the rows of {countOf(result.skipped.length, 'area')} you do not lead:{' '}
          {result.skipped.map((area) => `${area.areaSlug} (${countOf(area.rows, 'row')})`).join(', ')}.
        </p>
      )}
      {result.warnings.length > 0 && (
        <div data-testid="import-warnings">
          <p>Read, but worth a look:</p>
          <ImportErrors errors={result.warnings} />
        </div>
      )}
    </div>
  );
}

function describeChanges(result: ImportResult, tense: 'planned' | 'done'): string {
  const [create, update] = tense === 'planned' ? ['create', 'update'] : ['created', 'updated'];
  const unchanged = result.monthsUnchanged > 0 ? `; ${countOf(result.monthsUnchanged, 'area month')} already ${result.monthsUnchanged === 1 ? 'holds' : 'hold'} these figures` : '';
  return `${create} ${countOf(result.areasCreated, 'area')} and ${countOf(result.monthsCreated, 'area month')}, and ${update} ${countOf(result.monthsUpdated, 'area month')}${unchanged}`;
}

function ImportFailure({ error, dryRun, file }: { error: Error; dryRun: boolean; file: File | null }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const errors = problem?.errors ?? [];
  // Problems on data rows (the header is line 1 or later, its rows after it) can be downloaded with their rows.
  const onRows = file !== null && errors.some((fieldError) => (fieldError.row ?? 0) > 1 && fieldError.path !== 'header');
  const [saving, setSaving] = useState(false);
  async function download() {
    setSaving(true);
    try {
      if (file) saveTextFile(await errorReportOf(file, errors), reportName(file.name));
    } finally {
      setSaving(false);
    }
  }
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">
        {dryRun ? 'The check found problems' : 'Nothing was imported'}: {problem?.title ?? error.message}
      </p>
      {problem?.detail && <p>{problem.detail}</p>}
      {onRows && (
        <p>
          <button type="button" className="button button--small" onClick={() => void download()} disabled={saving}>
            {saving ? 'Preparing…' : 'Download the rows with problems (CSV)'}
          </button>{' '}
          <span className="muted small">Every bad row as written, with an error column; fix them there and import the file again.</span>
        </p>
      )}
      {errors.length > 0 && <ImportErrors errors={errors} />}
    </div>
  );
}

function ExportPanel({ leadsAreas }: { leadsAreas: boolean }) {
  const areaChoices = useAreaChoices();
  const [chosenAreas, setChosenAreas] = useState<string[]>([]);
  const areasId = useId();
  const [mine, setMine] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromId = useId();
  const toId = useId();
  const backwards = from !== '' && to !== '' && from > to;
  return (
    <section className="panel" aria-labelledby="export-heading">
      <div className="panel__header">
        <h2 id="export-heading">Export figures</h2>
        <p className="muted">
          Area months as CSV, in the import format. Names that a spreadsheet would run as a formula are written behind an
          apostrophe; an import reads them back as they were.
        </p>
      </div>
      <div className="export-form">
        <div className="field">
          <label className="field__label" htmlFor={areasId}>
            Areas
          </label>
          <select
            id={areasId}
            multiple
            size={5}
            value={chosenAreas}
            disabled={!areaChoices.isSuccess}
            aria-describedby={`${areasId}-hint`}
            onChange={(event) => setChosenAreas([...event.target.selectedOptions].map((option) => option.value))}
          >
            {(areaChoices.data ?? []).map((area) => (
              <option key={area.slug} value={area.slug}>
                {area.name}
                {area.status === 'archived' ? ' (archived)' : ''}
              </option>
            ))}
          </select>
          <p id={`${areasId}-hint`} className="field__hint">
            {areaChoices.isError ? 'The areas could not be loaded; the export holds every area.' : 'None chosen: every area.'}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={fromId}>
            From month
          </label>
          <input id={fromId} type="month" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={toId}>
            To month
          </label>
          <input id={toId} type="month" value={to} onChange={(event) => setTo(event.target.value)} aria-invalid={backwards || undefined} />
        </div>
        {leadsAreas && (
          <label className="checkbox">
            <input type="checkbox" checked={mine} onChange={(event) => setMine(event.target.checked)} /> Only my areas
          </label>
        )}
      </div>
      {backwards && (
        <p className="field__error" role="alert">
          The range ends before it starts.
        </p>
      )}
      <div className="button-row">
        {backwards ? (
          <button type="button" className="button" disabled>
            Export CSV
          </button>
        ) : (
          <a className="button" href={exportMetricsUrl({ areas: chosenAreas, mine, from, to })} download>
            Export CSV
          </a>
        )}
        <a className="button button--quiet" href={exportMetricsUrl({ template: true })} download>
          Empty template
        </a>
      </div>
    </section>
  );
}

function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${formatAmount(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatAmount(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}
