export type OwnershipComponent = 'marketing' | 'sales' | 'hiring' | 'target';
export type CentralisationComponent = 'dependencies' | 'processes' | 'latency' | 'centralDecisions';

export const OWNERSHIP_COMPONENTS: readonly OwnershipComponent[] = ['marketing', 'sales', 'hiring', 'target'];
export const CENTRALISATION_COMPONENTS: readonly CentralisationComponent[] = [
  'dependencies',
  'processes',
  'latency',
  'centralDecisions',
];

/** The organisation's knobs for the indices and the drift rule (see PRODUCT.md, "Indices"). */
export interface DriftSettings {
  /** W: a month is compared with the month W calendar months earlier. */
  windowMonths: number;
  /** Points ownership must fall (ΔOI ≤ −threshold) for a signal. */
  ownershipFallThreshold: number;
  /** Points centralisation must rise (ΔCI ≥ +threshold) for a signal. */
  centralisationRiseThreshold: number;
  /** Lower bounds of each severity, on the magnitude min(ΔCI, −ΔOI). */
  severityBands: { watch: number; warning: number; critical: number };
  /** A run of this many consecutive months in drift raises the severity one level. */
  escalationAfterMonths: number;
  weights: {
    ownership: Record<OwnershipComponent, number>;
    centralisation: Record<CentralisationComponent, number>;
  };
  /** The count at which a saturating component reaches ½: d / (d + constant). */
  saturation: { dependencies: number; processes: number; latencyDays: number };
}

// Frozen so no caller can change the defaults for everyone else by accident.
export const DEFAULT_SETTINGS: DriftSettings = Object.freeze({
  windowMonths: 3,
  ownershipFallThreshold: 5,
  centralisationRiseThreshold: 5,
  severityBands: Object.freeze({ watch: 5, warning: 10, critical: 20 }),
  escalationAfterMonths: 3,
  weights: Object.freeze({
    ownership: Object.freeze({ marketing: 1, sales: 1, hiring: 1, target: 1 }),
    centralisation: Object.freeze({ dependencies: 1, processes: 1, latency: 1, centralDecisions: 1 }),
  }),
  saturation: Object.freeze({ dependencies: 4, processes: 8, latencyDays: 10 }),
});

// Hiring and central decisions can be left out; these never are, so their weights
// must keep each index defined.
const ALWAYS_PRESENT_OWNERSHIP: readonly OwnershipComponent[] = ['marketing', 'sales', 'target'];
const ALWAYS_PRESENT_CENTRALISATION: readonly CentralisationComponent[] = ['dependencies', 'processes', 'latency'];

/** What is wrong with a set of settings, in words; empty when they are usable. */
export function settingsProblems(settings: DriftSettings): string[] {
  const problems: string[] = [];
  const require = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const isPositive = (value: number) => Number.isFinite(value) && value > 0;

  require(
    Number.isInteger(settings.windowMonths) && settings.windowMonths >= 1,
    'windowMonths must be a whole number ≥ 1',
  );
  require(isPositive(settings.ownershipFallThreshold), 'ownershipFallThreshold must be > 0');
  require(isPositive(settings.centralisationRiseThreshold), 'centralisationRiseThreshold must be > 0');

  const { watch, warning, critical } = settings.severityBands;
  require(isPositive(watch) && isPositive(warning) && isPositive(critical), 'severity bands must be > 0');
  require(watch <= warning && warning <= critical, 'severity bands must rise: watch ≤ warning ≤ critical');
  require(
    Number.isInteger(settings.escalationAfterMonths) && settings.escalationAfterMonths >= 1,
    'escalationAfterMonths must be a whole number ≥ 1',
  );

  checkWeights('ownership', settings.weights.ownership, OWNERSHIP_COMPONENTS, ALWAYS_PRESENT_OWNERSHIP, problems);
  checkWeights(
    'centralisation',
    settings.weights.centralisation,
    CENTRALISATION_COMPONENTS,
    ALWAYS_PRESENT_CENTRALISATION,
    problems,
  );

  for (const [name, value] of Object.entries(settings.saturation)) {
    require(isPositive(value), `saturation.${name} must be > 0`);
  }
  return problems;
}

function checkWeights<K extends string>(
  side: string,
  weights: Record<K, number>,
  components: readonly K[],
  alwaysPresent: readonly K[],
  problems: string[],
): void {
  for (const component of components) {
    const weight = weights[component];
    if (!(Number.isFinite(weight) && weight >= 0)) problems.push(`weights.${side}.${component} must be ≥ 0`);
  }
  const presentWeight = alwaysPresent.reduce((sum, component) => sum + weights[component], 0);
  if (!(presentWeight > 0)) {
    problems.push(`weights.${side}: ${alwaysPresent.join(', ')} must not all weigh 0, or the index may be undefined`);
  }
}

export function assertValidSettings(settings: DriftSettings): void {
  const problems = settingsProblems(settings);
  if (problems.length > 0) throw new RangeError(`invalid drift settings: ${problems.join('; ')}`);
}
