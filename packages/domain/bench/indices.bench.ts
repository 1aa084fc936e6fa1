// How long the domain takes over a large portfolio: 10,000 areas × 120 months of generated figures.
//
// - floor: a bare loop that reads the fields the indices read and sums them, i.e. what touching
//   the data costs at all; every other figure is also given as a multiple of it.
// - indices only: `indicesOverTime`, without windows, drift or explanations.
// - assessArea 'all': every month with a complete window gets its eight worded contributions.
// - full recomputation: `findingsForArea`, i.e. assessArea 'findings' + detectFindings, what
//   recomputing every area's signals costs (the requirement: about 2 s on this machine).
// - one area × 120 months: what an update of one area month costs, as only that area is
//   recomputed; median of 1,000 runs.
//
// On the realistic portfolio (see bench/portfolio.ts), then the full recomputation once more on a
// noisy one where 40% of months carry a finding to explain, as a worst case. Medians of 5 runs
// after a warm-up; the load average is printed because other work on the machine shows up here.
//
// Run with `pnpm --filter @autonomy/domain bench`.

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { assessArea, DEFAULT_SETTINGS, findingsForArea, indicesOverTime, type MonthlyFigures } from '../src/index.ts';
import { AREAS, DRIFTING_SHARE, MONTHS, noisyPortfolio, realisticPortfolio } from './portfolio.ts';

type Portfolio = readonly MonthlyFigures[][];
const RUNS = 5;
const SINGLE_AREA_RUNS = 1_000;

/** Reads every field the indices read and sums them: the least any pass over the data can cost. */
function floor(portfolio: Portfolio): number {
  let sum = 0;
  for (const area of portfolio) {
    for (const f of area) {
      sum +=
        f.month.length +
        f.revenueTarget +
        f.revenueActual +
        f.marketingDedicatedFte +
        f.marketingSharedFte +
        f.salesDedicatedFte +
        f.salesSharedFte +
        f.hiresTotal +
        f.hiresLeadOwned +
        f.decisionsTotal +
        f.decisionsCentral +
        f.sharedServiceDependencies +
        f.mandatoryProcesses +
        f.approvalLatencyDays +
        (f.targetOwner === 'area' ? 1 : 0);
    }
  }
  return sum;
}

// Each pass keeps a checksum of what it computed, so no work can be optimised away.
function indicesOnly(portfolio: Portfolio): number {
  let checksum = 0;
  for (const area of portfolio) {
    for (const month of indicesOverTime(area, DEFAULT_SETTINGS)) checksum += month.ownershipIndex;
  }
  return checksum;
}

function assessAll(portfolio: Portfolio): number {
  let checksum = 0;
  for (const area of portfolio) {
    for (const assessment of assessArea(area, DEFAULT_SETTINGS, { contributions: 'all' })) {
      checksum += assessment.ownershipIndex + assessment.centralisationIndex + assessment.contributions.length;
    }
  }
  return checksum;
}

function recomputeFindings(portfolio: Portfolio): number {
  let checksum = 0;
  for (const area of portfolio) {
    for (const finding of findingsForArea(area, DEFAULT_SETTINGS)) checksum += finding.explanation.length + 1;
  }
  return checksum;
}

interface Timing {
  median: number;
  all: number[];
  result: number;
}

function timeRuns(run: () => number, runs = RUNS): Timing {
  let result = run(); // warm-up, not counted: lets the JIT settle
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    all.push(performance.now() - start);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(runs / 2)]!, all, result };
}

/** What the portfolio holds: drift states, findings, and the share of months a finding explains. */
function portfolioSummary(portfolio: Portfolio): string {
  const states: Record<string, number> = { insufficient_data: 0, clear: 0, drift: 0 };
  let explained = 0;
  let areasEverInDrift = 0;
  const kinds: Record<string, number> = {};
  for (const area of portfolio) {
    const assessments = assessArea(area, DEFAULT_SETTINGS, { contributions: 'findings' });
    for (const a of assessments) {
      states[a.driftState] = (states[a.driftState] ?? 0) + 1;
      if (a.contributions.length > 0) explained++;
    }
    if (assessments.some((a) => a.drift !== null)) areasEverInDrift++;
    for (const finding of findingsForArea(area)) kinds[finding.kind] = (kinds[finding.kind] ?? 0) + 1;
  }
  const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  return [
    `  area months: ${Object.entries(states).map(([state, n]) => `${state} ${n.toLocaleString('en')}`).join(', ')}`,
    `  findings: ${Object.entries(kinds).map(([kind, n]) => `${kind} ${n.toLocaleString('en')}`).join(', ')}`,
    `  months with a finding to explain: ${percent(explained, AREAS * MONTHS)}; areas ever in drift: ${percent(areasEverInDrift, AREAS)}`,
  ].join('\n');
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const load = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;
function report(label: string, timing: Timing, floorTiming: Timing): void {
  const ratio = `${(timing.median / floorTiming.median).toFixed(0)}× floor`.padStart(10);
  const perMonth = `${((timing.median * 1e6) / (AREAS * MONTHS)).toFixed(0)} ns per area month`;
  console.log(`${label.padEnd(34)} median ${ms(timing.median).padStart(8)}  ${ratio}  (${perMonth})  runs ${timing.all.map(ms).join(', ')}`);
}

/** One area's recomputation, in microseconds: the median of many runs of the same area. */
function singleArea(area: readonly MonthlyFigures[], run: (area: readonly MonthlyFigures[]) => unknown): string {
  const timing = timeRuns(() => {
    run(area);
    return 0;
  }, SINGLE_AREA_RUNS);
  return `${(timing.median * 1000).toFixed(0)} µs`;
}

console.log(`node ${process.version}, ${load()}`);
let started = performance.now();
let portfolio: Portfolio = realisticPortfolio();
console.log(
  `realistic portfolio: ${AREAS.toLocaleString('en')} areas × ${MONTHS} months, ${DRIFTING_SHARE * 100}% of areas ` +
    `sliding for one to three years (generated in ${ms(performance.now() - started)})`,
);
console.log(portfolioSummary(portfolio));

const floorTiming = timeRuns(() => floor(portfolio));
const timings = {
  indices: timeRuns(() => indicesOnly(portfolio)),
  all: timeRuns(() => assessAll(portfolio)),
  findings: timeRuns(() => recomputeFindings(portfolio)),
};
report('floor (read + sum)', floorTiming, floorTiming);
report('indices only', timings.indices, floorTiming);
report("assessArea 'all'", timings.all, floorTiming);
report("full recomputation ('findings')", timings.findings, floorTiming);
const checksums = [floorTiming, timings.indices, timings.all, timings.findings].map((t) => t.result.toFixed(3));
console.log(`checksums: ${checksums.join(' / ')}`);

// The area with the most findings, and one with none but revenue misses: the dearest and a typical update.
const byFindings = portfolio.map((area) => ({ area, findings: findingsForArea(area).filter((f) => f.kind !== 'revenue_miss').length }));
const dearest = byFindings.reduce((most, entry) => (entry.findings > most.findings ? entry : most)).area;
const steady = byFindings.find((entry) => entry.findings === 0)?.area ?? portfolio[0]!;
const single = {
  steady: singleArea(steady, findingsForArea),
  dearest: singleArea(dearest, findingsForArea),
  dearestAll: singleArea(dearest, (area) => assessArea(area)),
};
console.log(
  `one area × ${MONTHS} months (median of ${SINGLE_AREA_RUNS.toLocaleString('en')}): findingsForArea ` +
    `${single.steady} steady, ${single.dearest} most drifting; assessArea 'all' ${single.dearestAll} most drifting`,
);

started = performance.now();
portfolio = noisyPortfolio();
console.log(`\nnoisy portfolio, every figure drawn afresh each month (generated in ${ms(performance.now() - started)})`);
console.log(portfolioSummary(portfolio));
const noisyFloor = timeRuns(() => floor(portfolio));
report("full recomputation ('findings')", timeRuns(() => recomputeFindings(portfolio)), noisyFloor);
console.log(`\n${load()}`);
