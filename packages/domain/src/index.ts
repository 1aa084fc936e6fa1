// The domain of the autonomy dashboard: indices, the Chipotle drift rule and its explanations.
// Pure functions over plain data; no I/O, no framework.

export {
  addMonths,
  compareMonths,
  isValidMonth,
  monthFromIndex,
  monthIndex,
  monthOf,
  monthRange,
  monthsBetween,
  type Month,
} from './month.ts';
export {
  CENTRALISATION_COMPONENTS,
  DEFAULT_SETTINGS,
  OWNERSHIP_COMPONENTS,
  assertValidSettings,
  settingsProblems,
  type CentralisationComponent,
  type DriftSettings,
  type OwnershipComponent,
  type SettingsProblem,
} from './settings.ts';
export { parseDriftSettings, type ParsedSettings } from './parse-settings.ts';
export { figuresProblems, type MonthlyFigures, type TargetOwner } from './figures.ts';
export {
  dedicatedShare,
  indicesOverTime,
  revenueAttainment,
  saturating,
  shareOf,
  weightedIndex,
  type CentralisationComponents,
  type MonthIndices,
  type OwnershipComponents,
} from './indices.ts';
export {
  SEVERITIES,
  compareSeverity,
  driftMagnitude,
  driftSeverity,
  escalate,
  isChipotleDrift,
  isOwnershipFall,
  severityOfMagnitude,
  type Drift,
  type DriftState,
  type Severity,
} from './drift.ts';
export { explainDrift, type Contribution, type ContributionPoints, type Side } from './contributions.ts';
export { componentLabel, formatPoints, type Component } from './wording.ts';
export {
  assessArea,
  type AreaMonthAssessment,
  type AssessOptions,
  type ContributionsMode,
} from './assess-area.ts';
export {
  EXPLAINED_PER_SIDE,
  REVENUE_MISS_MONTHS,
  REVENUE_MISS_WARNING_MEAN,
  detectFindings,
  findingsForArea,
  type Finding,
  type FindingKind,
} from './findings.ts';
export {
  reconcileSignals,
  type SignalChanges,
  type SignalStatus,
  type StoredSignal,
} from './signal-lifecycle.ts';
export {
  findEpisodes,
  reconcileIncidents,
  type DataState,
  type Episode,
  type IncidentChanges,
  type IncidentEvent,
  type InheritedDecision,
  type StoredIncident,
} from './incidents.ts';
export { defaultMonth, isMostlyReported, type MonthCoverage } from './coverage.ts';
export { summariseOrganisation, type OrganisationSummary, type SummarisedAssessment } from './organisation.ts';
export { FLOAT_TOLERANCE } from './tolerance.ts';
export { seededRandom } from './seeded-random.ts';
export {
  FINDING_KIND_ORDER,
  compareAreaNames,
  compareFindingUrgency,
  compareFindingsForReview,
  findingMagnitude,
  type RankedFinding,
} from './review-order.ts';
export { RULES_VERSION } from './rules-version.ts';
