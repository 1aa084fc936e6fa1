import type { NotReportedArea, Portfolio } from '@autonomy/contracts';
import {
  type Database,
  listAssessedMonths,
  listMonthAssessments,
  listNotReportedAreas,
  listRecentMonthCoverage,
} from '@autonomy/db';
import { compareAreaNames, defaultMonth, summariseOrganisation } from '@autonomy/domain';
import { loadDriftSettings } from './drift-settings.ts';
import { toPortfolioRow } from './indices.ts';

const emptyOrganisation: Portfolio['organisation'] = {
  ownershipIndex: null,
  centralisationIndex: null,
  ownershipDelta: null,
  centralisationDelta: null,
  areasWithFigures: 0,
  areasWithCompleteWindow: 0,
  areasInDrift: 0,
  shareInDrift: null,
};

/**
 * The portfolio of a month: the organisation's indices, one row per active area with figures that
 * month, and the active areas without (not reported), so every active area is accounted for. With
 * no month given, the default month: the newest in which at least half of the areas active then
 * have figures (an area's early figures for the month in progress do not move everyone there).
 * What `GET /portfolio` answers and what a review freezes, so the two can never disagree. It reads
 * stored rows only: what it costs does not grow with the months of history behind them.
 */
export async function computePortfolio(db: Database, requestedMonth?: string): Promise<Portfolio> {
  // Independent reads, sent together: one round trip's wait instead of several.
  const [months, monthCoverage, { settings }, requested] = await Promise.all([
    listAssessedMonths(db),
    listRecentMonthCoverage(db),
    loadDriftSettings(db),
    requestedMonth === undefined ? undefined : readMonth(db, requestedMonth),
  ]);
  const month = requestedMonth ?? defaultMonth(monthCoverage);
  const rules = {
    windowMonths: settings.windowMonths,
    ownershipFallThreshold: settings.ownershipFallThreshold,
    centralisationRiseThreshold: settings.centralisationRiseThreshold,
  };
  if (!month) {
    return { month: null, rules, months, monthCoverage, organisation: emptyOrganisation, coverage: { reported: 0, active: 0 }, areas: [], notReported: [] };
  }
  const { stored, notReported } = requested ?? (await readMonth(db, month));
  const { month: _month, ...organisation } = summariseOrganisation(month, stored);
  return {
    month,
    rules,
    months,
    monthCoverage,
    organisation,
    coverage: { reported: stored.length, active: stored.length + notReported.length },
    areas: stored.map(toPortfolioRow),
    notReported,
  };
}

async function readMonth(db: Database, month: string) {
  const [stored, notReported] = await Promise.all([listMonthAssessments(db, month), listNotReportedAreas(db, month)]);
  return { stored, notReported: notReported.sort(byName).map(withSortedLeads) };
}

function byName(a: NotReportedArea, b: NotReportedArea): number {
  return compareAreaNames({ areaName: a.name, areaSlug: a.slug }, { areaName: b.name, areaSlug: b.slug });
}

function withSortedLeads(area: NotReportedArea): NotReportedArea {
  return { ...area, leadNames: [...area.leadNames].sort((a, b) => a.localeCompare(b, 'en-GB')) };
}
