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

/** One thing wrong with a set of settings: the dotted field path, as a client sends it, and why. */
export interface SettingsProblem {
  /** e.g. `windowMonths`, `severityBands.warning`, `weights.ownership.hiring`; `severityBands` for a rule between bands. */
  path: string;
  /** Plain English, reading on from the field: "must be a whole number from 1 to 36, got 40". */
  message: string;
}

/**
 * Upper bounds: far beyond anything sensible, low enough that a typo (a window of 300 months, a
 * weight of 1e9) is named rather than silently making every index or signal meaningless.
 */
const MAX_MONTHS = 36;
const MAX_POINTS = 100;
const MAX_WEIGHT = 1000;
const MAX_SATURATION = 1_000_000;

interface NumberRule {
  whole?: boolean;
  min: number;
  /** Whether the lower bound itself is allowed (weights may be 0; thresholds may not). */
  minIncluded: boolean;
  max: number;
  /** The rule in words, e.g. "a whole number from 1 to 36". */
  words: string;
}

const MONTHS: NumberRule = {
  whole: true,
  min: 1,
  minIncluded: true,
  max: MAX_MONTHS,
  words: `a whole number from 1 to ${MAX_MONTHS}`,
};
const POINTS: NumberRule = {
  min: 0,
  minIncluded: false,
  max: MAX_POINTS,
  words: `a number of points above 0 and at most ${MAX_POINTS}`,
};
const WEIGHT: NumberRule = { min: 0, minIncluded: true, max: MAX_WEIGHT, words: `a number from 0 to ${MAX_WEIGHT}` };
const SATURATION: NumberRule = {
  min: 0,
  minIncluded: false,
  max: MAX_SATURATION,
  words: `a number above 0 and at most ${MAX_SATURATION.toLocaleString('en')}`,
};

// Hiring and central decisions can be left out; these never are, so their weights
// must keep each index defined.
const ALWAYS_PRESENT_OWNERSHIP: readonly OwnershipComponent[] = ['marketing', 'sales', 'target'];
const ALWAYS_PRESENT_CENTRALISATION: readonly CentralisationComponent[] = ['dependencies', 'processes', 'latency'];

/** Every number in the settings, by path, with its rule; the path split once, as it is read per assessment. */
const SETTINGS_FIELDS = [
  field('windowMonths', MONTHS),
  field('ownershipFallThreshold', POINTS),
  field('centralisationRiseThreshold', POINTS),
  field('severityBands.watch', POINTS),
  field('severityBands.warning', POINTS),
  field('severityBands.critical', POINTS),
  field('escalationAfterMonths', MONTHS),
  ...OWNERSHIP_COMPONENTS.map((component) => field(`weights.ownership.${component}`, WEIGHT)),
  ...CENTRALISATION_COMPONENTS.map((component) => field(`weights.centralisation.${component}`, WEIGHT)),
  field('saturation.dependencies', SATURATION),
  field('saturation.processes', SATURATION),
  field('saturation.latencyDays', SATURATION),
];

function field(path: string, rule: NumberRule) {
  return { path, keys: path.split('.'), rule };
}

/**
 * What is wrong with a set of settings, each problem with the path of the field; empty when they
 * are usable. Typed for settings, but safe on anything: a NaN, a negative, a string or a missing
 * object comes back as a problem, never as a throw.
 */
export function settingsProblems(settings: DriftSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const valid = new Map<string, number>();
  for (const { path, keys, rule } of SETTINGS_FIELDS) {
    const value = valueAt(settings, keys);
    const message = numberProblem(value, rule);
    if (message === null) valid.set(path, value as number);
    else problems.push({ path, message });
  }

  // The rules between fields, checked only when the fields themselves are usable numbers.
  const [watch, warning, critical] = ['watch', 'warning', 'critical'].map((band) => valid.get(`severityBands.${band}`));
  const bandsKnown = watch !== undefined && warning !== undefined && critical !== undefined;
  if (bandsKnown && !(watch <= warning && warning <= critical)) {
    problems.push({
      path: 'severityBands',
      message: `must rise: watch ≤ warning ≤ critical, got ${watch}, ${warning}, ${critical}`,
    });
  }
  for (const [side, alwaysPresent] of [
    ['ownership', ALWAYS_PRESENT_OWNERSHIP],
    ['centralisation', ALWAYS_PRESENT_CENTRALISATION],
  ] as const) {
    const weights = alwaysPresent.map((component) => valid.get(`weights.${side}.${component}`));
    if (weights.every((weight) => weight === 0)) {
      problems.push({
        path: `weights.${side}`,
        message:
          `must give ${listed(alwaysPresent, 'or')} a weight above 0: ` +
          'every month has them, so with all at 0 the index can be undefined',
      });
    }
  }
  return problems;
}

/** Throws a RangeError naming every problem (path and message) when the settings are not usable. */
export function assertValidSettings(settings: DriftSettings): void {
  if (knownValid.has(settings)) return;
  const problems = settingsProblems(settings);
  if (problems.length > 0) {
    throw new RangeError(`invalid drift settings: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
  if (isDeeplyFrozen(settings)) knownValid.add(settings);
}

// Settings are checked once per assessed area, and a full check costs microseconds: 10,000 areas
// would spend a noticeable part of a recomputation on it. Frozen settings cannot change, so once
// they pass they are remembered (DEFAULT_SETTINGS, and what parseDriftSettings returns).
const knownValid = new WeakSet<DriftSettings>();

function isDeeplyFrozen(settings: DriftSettings): boolean {
  const { severityBands, weights, saturation } = settings;
  return [settings, severityBands, weights, weights.ownership, weights.centralisation, saturation].every((part) =>
    Object.isFrozen(part),
  );
}

/** The value at a path of keys, or undefined where anything on the way is not an object. */
function valueAt(root: unknown, keys: readonly string[]): unknown {
  let value = root;
  for (const key of keys) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberProblem(value: unknown, rule: NumberRule): string | null {
  const fits =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.whole !== true || Number.isInteger(value)) &&
    (rule.minIncluded ? value >= rule.min : value > rule.min) &&
    value <= rule.max;
  return fits ? null : `must be ${rule.words}, got ${describeValue(value)}`;
}

/** A received value as a person would recognise it in an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

function listed(names: readonly string[], conjunction: 'and' | 'or'): string {
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
