// How long assessArea takes over a large portfolio: 10,000 areas × 120 months of generated figures.
// The floor is a bare loop that reads the same fields and sums them, i.e. what touching the data
// costs at all; the ratio says how much the rules add on top of that.
//
// Run with `pnpm --filter @autonomy/domain bench`.

import { seededRandom } from '../src/seeded-random.ts';
import { performance } from 'node:perf_hooks';
import { assessArea, DEFAULT_SETTINGS, indicesOverTime, type MonthlyFigures } from '../src/index.ts';
import { addMonths } from '../src/month.ts';

const AREAS = 10_000;
const MONTHS = 120;
const RUNS = 5;


function generatePortfolio(): MonthlyFigures[][] {
  const random = seededRandom(20240701);
  const upTo = (max: number) => Math.floor(random() * (max + 1));
  const months = Array.from({ length: MONTHS }, (_, offset) => addMonths('2015-01', offset));

  return Array.from({ length: AREAS }, () => {
    // Some areas slide towards the centre over the decade, so drift, runs and escalation all occur.
    const slide = random() < 0.3 ? random() * 0.2 : 0;
    return months.map((month, offset): MonthlyFigures => {
      const drift = slide * offset;
      const hiresTotal = random() < 0.3 ? 0 : upTo(6); // months without hires exercise carry-forward
      const decisionsTotal = random() < 0.1 ? 0 : upTo(20);
      return {
        month,
        revenueTarget: 1_000_000,
        revenueActual: 700_000 + upTo(600_000),
        marketingDedicatedFte: upTo(6),
        marketingSharedFte: upTo(2) + drift,
        salesDedicatedFte: upTo(8),
        salesSharedFte: upTo(3) + drift,
        hiresTotal,
        hiresLeadOwned: upTo(hiresTotal),
        decisionsTotal,
        decisionsCentral: upTo(decisionsTotal),
        sharedServiceDependencies: upTo(3) + Math.floor(drift),
        mandatoryProcesses: upTo(6) + Math.floor(drift * 2),
        approvalLatencyDays: upTo(10) + drift * 3,
        targetOwner: random() < 0.8 ? 'area' : 'central',
      };
    });
  });
}

/** Reads every field assessArea reads and sums them: the least any pass over the data can cost. */
function floor(portfolio: readonly MonthlyFigures[][]): number {
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

/** Assesses every area and keeps a checksum, so no work can be optimised away. */
function assessAll(portfolio: readonly MonthlyFigures[][]): number {
  let checksum = 0;
  for (const area of portfolio) {
    for (const assessment of assessArea(area)) {
      checksum += assessment.ownershipIndex + assessment.centralisationIndex;
      checksum += assessment.drift?.consecutiveMonths ?? 0;
    }
  }
  return checksum;
}

function timeRuns(run: () => number): { median: number; all: number[]; result: number } {
  let result = run(); // warm-up, not counted: lets the JIT settle
  const all: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    all.push(performance.now() - start);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(RUNS / 2)]!, all, result };
}

function driftCounts(portfolio: readonly MonthlyFigures[][]): Record<string, number> {
  const counts: Record<string, number> = { insufficient_data: 0, clear: 0, drift: 0, escalated: 0 };
  for (const area of portfolio) {
    for (const a of assessArea(area)) {
      counts[a.driftState] = (counts[a.driftState] ?? 0) + 1;
      const escalated = a.drift !== null && a.drift.consecutiveMonths >= DEFAULT_SETTINGS.escalationAfterMonths;
      if (escalated) counts.escalated = (counts.escalated ?? 0) + 1;
    }
  }
  return counts;
}

/** The indices alone, without windows, drift or explanations: where the rest of the time goes. */
function indicesOnly(portfolio: readonly MonthlyFigures[][]): number {
  let checksum = 0;
  for (const area of portfolio) {
    for (const month of indicesOverTime(area, DEFAULT_SETTINGS)) checksum += month.ownershipIndex;
  }
  return checksum;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rows = AREAS * MONTHS;
const perRow = (milliseconds: number) => `${((milliseconds * 1e6) / rows).toFixed(0)} ns per area month`;
function report(label: string, timing: ReturnType<typeof timeRuns>): void {
  const median = `median ${ms(timing.median).padStart(10)}  (${perRow(timing.median)})`;
  console.log(`${label.padEnd(22)} ${median}  runs ${timing.all.map(ms).join(', ')}`);
}

const generationStart = performance.now();
const portfolio = generatePortfolio();
console.log(`portfolio: ${AREAS} areas × ${MONTHS} months = ${rows.toLocaleString('en')} area months`);
console.log(`generated in ${ms(performance.now() - generationStart)}`);
console.log('area months by state:', driftCounts(portfolio));

const floorTiming = timeRuns(() => floor(portfolio));
const indicesTiming = timeRuns(() => indicesOnly(portfolio));
const assessTiming = timeRuns(() => assessAll(portfolio));

report('floor (read + sum)', floorTiming);
report('indices only', indicesTiming);
report('assessArea', assessTiming);
console.log(`assessArea / floor:    ${(assessTiming.median / floorTiming.median).toFixed(0)}×`);
const checksums = [floorTiming.result.toFixed(0), indicesTiming.result.toFixed(3), assessTiming.result.toFixed(3)];
console.log(`checksums: ${checksums.join(' / ')}`);
