import type { Portfolio } from '@autonomy/contracts';
import { type Database, listAssessedMonths, listMonthAssessments } from '@autonomy/db';
import { summariseOrganisation } from '@autonomy/domain';
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
 * The portfolio of a month (the latest with figures when none is given): the organisation's
 * indices and one row per active area with figures that month. What `GET /portfolio` answers and
 * what a review freezes, so the two can never disagree. It reads the month's stored assessments
 * only: what it costs does not grow with the months of history behind them.
 */
export async function computePortfolio(db: Database, requestedMonth?: string): Promise<Portfolio> {
  // Independent reads, sent together: one round trip's wait instead of three.
  const [months, { settings }, requestedRows] = await Promise.all([
    listAssessedMonths(db),
    loadDriftSettings(db),
    requestedMonth === undefined ? undefined : listMonthAssessments(db, requestedMonth),
  ]);
  const month = requestedMonth ?? months[0];
  const rules = {
    windowMonths: settings.windowMonths,
    ownershipFallThreshold: settings.ownershipFallThreshold,
    centralisationRiseThreshold: settings.centralisationRiseThreshold,
  };
  if (!month) return { month: null, rules, months, organisation: emptyOrganisation, areas: [] };
  const stored = requestedRows ?? (await listMonthAssessments(db, month));
  const { month: _month, ...organisation } = summariseOrganisation(month, stored);
  return { month, rules, months, organisation, areas: stored.map(toPortfolioRow) };
}
