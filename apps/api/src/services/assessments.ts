import { setImmediate } from 'node:timers/promises';
import type { ReassessReport } from '@autonomy/contracts';
import {
  type AssessableFigures,
  type AssessmentRecord,
  type AuditActor,
  countAssessments,
  type Database,
  getSetting,
  listAssessableFigures,
  listAreaIds,
  listStoredAssessments,
  listAreaSlugs,
  lockSettingsForChange,
  lockSettingsForRead,
  putSetting,
  recordAuditEvent,
  replaceAssessments,
  toAssessmentRecord,
} from '@autonomy/db';
import { assessArea, detectFindings, type Episode, findEpisodes, RULES_VERSION } from '@autonomy/domain';
import { loadDriftSettings } from './drift-settings.ts';
import { reconcileAreaIncidents } from './incidents.ts';
import { type AreaFindings, reconcileAreaSignals, type SignalChange, type SignalChangeCounts } from './signals.ts';

/** Figures of an area changed from `fromMonth` on (null: all its months may have changed). */
export interface AreaChange {
  areaId: string;
  fromMonth: string | null;
}

/** What to reassess: the areas whose figures changed, or every area (the settings changed). */
export type ReassessScope = readonly AreaChange[] | 'all';

export interface ReassessOutcome extends SignalChangeCounts {
  areas: number;
  /** Area months whose assessment was written. */
  months: number;
  /** With `compare`: stored assessments that were missing, left over or different from the recomputation. */
  differed?: number;
  differences?: AssessmentDifference[];
  /** With `describeSignals`: each signal opened, reopened, escalated, eased or cleared. */
  signalChanges?: SignalChange[];
}

export interface AssessmentDifference {
  areaId: string;
  month: string;
  /** `missing`: figures without an assessment; `stale`: an assessment without figures; else the fields that differed. */
  problem: 'missing' | 'stale' | string[];
}

export interface ReassessOptions {
  /** Compare what was stored with the recomputation before replacing it (the admin's rebuild). */
  compare?: boolean;
  /** Say what happened to each signal (an import's preview), not only count it. */
  describeSignals?: boolean;
  /** Called after each batch of areas, for a progress line. */
  onProgress?: (done: { areas: number; months: number; totalAreas: number }) => void;
}

// Areas per batch of a reassessment of many areas: 3,000 months a statement at 120 months an
// area. A batch's objects live across the awaits of the pipeline and so outlive the young
// generation; at 100 areas a 100,000-row import peaked 190–330 MB over its start, at 25 it peaks
// 60–150 MB, and a full reassessment runs as fast (measured with the import bench).
const AREA_BATCH = 25;
const DIFFERENCES_KEPT = 50;

/**
 * The first step of every transaction that will reassess: the settings cannot change until it
 * ends. Taken before any area is locked, so it never waits while holding a lock a settings change
 * needs (its inserts take key-share locks on the areas), which would deadlock.
 */
export async function holdSettingsSteady(db: Database): Promise<void> {
  await lockSettingsForRead(db);
}

/**
 * The one recompute behind every write: reassesses the changed areas from their first changed
 * month onward (earlier months cannot change: carry-forward, the window and the drift run all
 * reach forward), writes the assessments in bulk, and reconciles the areas' signals of those
 * months with their findings. Runs in the caller's transaction, so figures, assessments and
 * signals commit together or not at all. The caller holds the settings lock since the start of
 * that transaction (`holdSettingsSteady`, or exclusively for a settings change), so the settings
 * read here stay those in force until it commits (ADR 0004).
 */
export async function reassess(db: Database, scope: ReassessScope, now: Date, options: ReassessOptions = {}): Promise<ReassessOutcome> {
  const changes = scope === 'all' ? (await listAreaIds(db)).map((areaId) => ({ areaId, fromMonth: null })) : earliestChangePerArea(scope);
  const outcome: ReassessOutcome = { areas: changes.length, months: 0, raised: 0, refreshed: 0, cleared: 0 };
  if (options.compare) {
    outcome.differed = 0;
    outcome.differences = [];
  }

  // Batches are pipelined on the connection: the next batch's figures are asked for before this
  // batch is written, so while the server writes batch i the rules run on batch i + 1. Batches
  // are disjoint sets of areas, so neither depends on the other's writes.
  const batches: AreaChange[][] = [];
  for (let start = 0; start < changes.length; start += AREA_BATCH) batches.push(changes.slice(start, start + AREA_BATCH));
  const readFigures = (batch: readonly AreaChange[]) => handledLater(listAssessableFigures(db, batch.map((change) => change.areaId)));
  const settingsRead = handledLater(loadDriftSettings(db));
  let nextFigures = batches.length > 0 ? readFigures(batches[0]!) : undefined;
  const { settings } = await settingsRead;
  let writing: Promise<void> = Promise.resolve();
  let areasDone = 0;
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i]!;
    // A failed write aborts the transaction and so fails the read queued behind it: report the write's error.
    const figures = await nextFigures!.catch(async (error: unknown) => {
      await writing;
      throw error;
    });
    const figuresByArea = groupByArea(figures);
    nextFigures = i + 1 < batches.length ? readFigures(batches[i + 1]!) : undefined;
    const records: AssessmentRecord[] = [];
    const findings: AreaFindings[] = [];
    const episodes: { areaId: string; episodes: Episode[] }[] = [];
    for (const { areaId, fromMonth } of batch) {
      const assessments = assessArea(figuresByArea.get(areaId) ?? [], settings, { contributions: 'findings' });
      for (const assessment of assessments) {
        if (fromMonth === null || assessment.month >= fromMonth) records.push(toAssessmentRecord(areaId, assessment));
      }
      const areaFindings = detectFindings(assessments, settings);
      findings.push({ areaId, fromMonth, findings: areaFindings });
      // Incidents span months before `fromMonth` too: they are drawn from all of the area's months.
      episodes.push({ areaId, episodes: findEpisodes(assessments, areaFindings) });
    }
    await writing;
    // Let the event loop turn between batches (on PGlite the work never leaves it otherwise).
    await setImmediate();
    if (options.compare) countDifferences(await listStoredAssessments(db, batch.map((change) => change.areaId)), records, outcome);
    writing = handledLater(
      (async () => {
        const [, signals] = await Promise.all([
          replaceAssessments(db, batch, records),
          reconcileAreaSignals(db, findings, now).then(async (signals) => {
            const signalsChanged = signals.raised + signals.refreshed + signals.cleared > 0;
            const withSignals = episodes.map((area) => ({ ...area, storedSignals: signals.storedByArea.get(area.areaId) ?? [] }));
            await reconcileAreaIncidents(db, withSignals, signalsChanged, now);
            return signals;
          }),
        ]);
        outcome.months += records.length;
        outcome.raised += signals.raised;
        outcome.refreshed += signals.refreshed;
        outcome.cleared += signals.cleared;
        if (options.describeSignals) (outcome.signalChanges ??= []).push(...signals.changes);
        areasDone += batch.length;
        options.onProgress?.({ areas: areasDone, months: outcome.months, totalAreas: changes.length });
      })(),
    );
  }
  await writing;
  return outcome;
}

/** Rows ordered by area, grouped by area. */
function groupByArea(rows: readonly AssessableFigures[]): Map<string, AssessableFigures[]> {
  const byArea = new Map<string, AssessableFigures[]>();
  for (const row of rows) {
    const list = byArea.get(row.areaId);
    if (list) list.push(row);
    else byArea.set(row.areaId, [row]);
  }
  return byArea;
}

/**
 * A promise that is awaited later, not now: marked handled so that failing before then is not an
 * unhandled rejection (which would end the process); the later `await` still throws its error.
 */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** One entry per area, from the earliest month any change to it names (null, all months, wins). */
function earliestChangePerArea(changes: readonly AreaChange[]): AreaChange[] {
  const earliest = new Map<string, string | null>();
  for (const { areaId, fromMonth } of changes) {
    const known = earliest.get(areaId);
    if (known === undefined) earliest.set(areaId, fromMonth);
    else if (known !== null && (fromMonth === null || fromMonth < known)) earliest.set(areaId, fromMonth);
  }
  return [...earliest].map(([areaId, fromMonth]) => ({ areaId, fromMonth }));
}

/** Compares stored rows with recomputed records of the same areas (all months), field by field. */
function countDifferences(stored: readonly AssessmentRecord[], fresh: readonly AssessmentRecord[], outcome: ReassessOutcome): void {
  const key = (record: AssessmentRecord) => `${record.areaId} ${record.month}`;
  const storedByKey = new Map(stored.map((record) => [key(record), record]));
  const note = (difference: AssessmentDifference) => {
    outcome.differed = (outcome.differed ?? 0) + 1;
    if ((outcome.differences ??= []).length < DIFFERENCES_KEPT) outcome.differences.push(difference);
  };
  for (const record of fresh) {
    const before = storedByKey.get(key(record));
    storedByKey.delete(key(record));
    if (!before) {
      note({ areaId: record.areaId, month: record.month, problem: 'missing' });
      continue;
    }
    const fields = (Object.keys(record) as (keyof AssessmentRecord)[]).filter((field) => (record[field] ?? null) !== (before[field] ?? null));
    if (fields.length > 0) note({ areaId: record.areaId, month: record.month, problem: fields });
  }
  for (const left of storedByKey.values()) note({ areaId: left.areaId, month: left.month, problem: 'stale' });
}

const ASSESSMENTS_KEY = 'assessments';
/** Bumped when what a recompute stores besides assessments (incidents since 2) must be rebuilt on the next start. */
const DERIVED_VERSION = 2;

/**
 * Makes sure every area month has its assessment under the current rules: on the first start
 * after an upgrade (the table is new, RULES_VERSION moved, or the incidents are new) it reassesses every area in one
 * transaction, logging its progress; otherwise it costs one read. Returns how many area months it
 * assessed (0 when the stored ones hold).
 */
export async function ensureAssessed(db: Database, now: Date, log: (line: string) => void): Promise<number> {
  const stored = (await getSetting(db, ASSESSMENTS_KEY))?.value as { rulesVersion?: unknown; derivedVersion?: unknown } | undefined;
  if (stored?.rulesVersion === RULES_VERSION && stored.derivedVersion === DERIVED_VERSION) return 0;

  const started = performance.now();
  const { figures } = await countAssessments(db);
  if (figures > 0) log(`Assessing ${figures.toLocaleString('en')} area months under the rules of this version…`);
  let lastShare = 0;
  const outcome = await db.transaction(async (tx) => {
    await holdSettingsSteady(tx);
    const outcome = await reassess(tx, 'all', now, {
      onProgress: ({ areas, months, totalAreas }) => {
        const share = Math.floor((10 * areas) / totalAreas);
        if (share > lastShare && areas < totalAreas) log(`  ${months.toLocaleString('en')} area months (${10 * share}% of the areas)`);
        lastShare = share;
      },
    });
    await putSetting(tx, ASSESSMENTS_KEY, { rulesVersion: RULES_VERSION, derivedVersion: DERIVED_VERSION }, now);
    return outcome;
  });
  if (figures > 0) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`Assessed ${outcome.months.toLocaleString('en')} area months of ${outcome.areas.toLocaleString('en')} areas in ${seconds} s.`);
  }
  return outcome.months;
}

/**
 * Rebuilds every stored assessment from the figures and reports what differed from what was
 * stored: the admin's check that the incremental writes never drifted (`pnpm db:reassess`, and
 * `POST /api/v1/assessments/rebuild`, which passes its actor for the audit log). Holds the settings
 * lock exclusively, so no write assesses in the meantime and the comparison is fair.
 */
export async function rebuildAssessments(db: Database, now: Date, actor?: AuditActor): Promise<ReassessReport> {
  return db.transaction(async (tx) => {
    await lockSettingsForChange(tx);
    const outcome = await reassess(tx, 'all', now, { compare: true });
    const slugs = await listAreaSlugs(tx, [...new Set((outcome.differences ?? []).map((difference) => difference.areaId))]);
    const report: ReassessReport = {
      areas: outcome.areas,
      months: outcome.months,
      differed: outcome.differed ?? 0,
      differences: (outcome.differences ?? []).map(({ areaId, month, problem }) => ({ areaSlug: slugs.get(areaId) ?? areaId, month, problem })),
      signalsRaised: outcome.raised,
      signalsRefreshed: outcome.refreshed,
      signalsCleared: outcome.cleared,
    };
    if (actor) {
      const { differences: _differences, ...counts } = report;
      await recordAuditEvent(tx, { actor, action: 'assessments.rebuilt', after: counts });
    }
    return report;
  });
}
