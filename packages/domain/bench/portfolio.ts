// Generated portfolios for the benchmark: 10,000 areas × 120 months, the same on every run.

import { seededRandom } from '../src/seeded-random.ts';
import { addMonths } from '../src/month.ts';
import type { MonthlyFigures, TargetOwner } from '../src/figures.ts';

export const AREAS = 10_000;
export const MONTHS = 120;
/** The share of areas that slide towards the centre at some point in the decade. */
export const DRIFTING_SHARE = 0.15;

const MONTH_KEYS = Array.from({ length: MONTHS }, (_, offset) => addMonths('2015-01', offset));

/**
 * Areas as they behave: figures carry over from month to month with small changes (a person
 * joins or leaves support, a process is added, latency wobbles), hires are run by the lead
 * (most leads run every one) and decisions mostly taken locally. One area in DRIFTING_SHARE spends one to three years sliding
 * towards the centre (shared support, dependencies, processes and latency up; hires run by the
 * lead and local decisions down) and stays there. Revenue hovers around a per-area attainment.
 */
export function realisticPortfolio(seed = 20240701): MonthlyFigures[][] {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const upTo = (max: number) => Math.floor(random() * (max + 1));
  const binomial = (n: number, p: number) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (random() < p) k++;
    return k;
  };
  const step = (value: number, chance: number, size: number) =>
    random() < chance ? Math.max(0, value + (random() < 0.5 ? -size : size)) : value;

  return Array.from({ length: AREAS }, () => {
    let marketingDedicated = 1 + upTo(5);
    let marketingShared = upTo(2);
    let salesDedicated = 1 + upTo(7);
    let salesShared = upTo(3);
    let dependencies = upTo(3);
    let processes = upTo(6);
    let latency = between(2, 10);
    let leadHireShare = random() < 0.85 ? 1 : between(0.75, 0.95); // most leads run every hire
    let centralDecisionShare = between(0, 0.3);
    let targetOwner: TargetOwner = random() < 0.8 ? 'area' : 'central';
    const attainment = between(0.9, 1.2);
    const driftStart = random() < DRIFTING_SHARE ? upTo(MONTHS - 12) : Number.POSITIVE_INFINITY;
    const driftEnd = driftStart + 12 + upTo(24);

    return MONTH_KEYS.map((month, offset): MonthlyFigures => {
      if (offset >= driftStart && offset < driftEnd) {
        marketingShared += 0.15;
        salesShared += 0.15;
        if (random() < 0.15) dependencies += 1;
        if (random() < 0.25) processes += 1;
        latency += 0.5;
        leadHireShare = Math.max(0, leadHireShare - 0.02);
        centralDecisionShare = Math.min(1, centralDecisionShare + 0.02);
      }
      marketingDedicated = step(marketingDedicated, 0.05, 0.5);
      marketingShared = step(marketingShared, 0.05, 0.5);
      salesDedicated = step(salesDedicated, 0.05, 0.5);
      salesShared = step(salesShared, 0.05, 0.5);
      dependencies = step(dependencies, 0.03, 1);
      processes = step(processes, 0.03, 1);
      if (random() < 0.003) targetOwner = targetOwner === 'area' ? 'central' : 'area';
      const hiresTotal = random() < 0.3 ? 0 : 1 + upTo(3); // months without hires exercise carry-forward
      const decisionsTotal = random() < 0.1 ? 0 : 5 + upTo(15);
      return {
        month,
        revenueTarget: 1_000_000,
        revenueActual: Math.round(1_000_000 * (attainment + between(-0.1, 0.1))),
        marketingDedicatedFte: marketingDedicated,
        marketingSharedFte: marketingShared,
        salesDedicatedFte: salesDedicated,
        salesSharedFte: salesShared,
        hiresTotal,
        hiresLeadOwned: binomial(hiresTotal, leadHireShare),
        decisionsTotal,
        decisionsCentral: binomial(decisionsTotal, centralDecisionShare),
        sharedServiceDependencies: dependencies,
        mandatoryProcesses: processes,
        approvalLatencyDays: Math.max(0, latency + between(-1, 1)),
        targetOwner,
      };
    });
  });
}

/**
 * Every figure drawn afresh each month, and three areas in ten sliding for the whole decade: the
 * indices swing by tens of points from month to month, so about 40% of area months carry a
 * finding to explain. Not what an organisation looks like; the worst case for the explanations.
 */
export function noisyPortfolio(seed = 20240701): MonthlyFigures[][] {
  const random = seededRandom(seed);
  const upTo = (max: number) => Math.floor(random() * (max + 1));

  return Array.from({ length: AREAS }, () => {
    const slide = random() < 0.3 ? random() * 0.2 : 0;
    return MONTH_KEYS.map((month, offset): MonthlyFigures => {
      const drift = slide * offset;
      const hiresTotal = random() < 0.3 ? 0 : upTo(6);
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
