import {
  DEFAULT_SETTINGS,
  describeValue,
  isPlainObject,
  settingsProblems,
  type DriftSettings,
  type SettingsProblem,
} from './settings.ts';

export type ParsedSettings = { ok: true; settings: DriftSettings } | { ok: false; problems: SettingsProblem[] };

/**
 * Reads drift settings from untrusted input, such as a PUT /api/v1/settings body: every key
 * present, no key the settings do not have (at any level, each named), numbers finite and within
 * their rules (`settingsProblems`). All problems come back at once, each with its field's path.
 * On success the settings are a fresh, deeply frozen copy holding the known keys only: a value
 * that cannot change under the code using it, and one `assertValidSettings` checks only once.
 */
export function parseDriftSettings(value: unknown): ParsedSettings {
  const shapeProblems: SettingsProblem[] = [];
  checkShape(value, DEFAULT_SETTINGS, '', shapeProblems);
  // The values' own rules, except where the shape already explains what is wrong: a missing
  // `weights` should not also produce "weights.ownership.hiring must be a number".
  const explained = (path: string) =>
    shapeProblems.some((problem) => path === problem.path || path.startsWith(`${problem.path}.`) || problem.path === '');
  const valueProblems = settingsProblems(value as DriftSettings).filter((problem) => !explained(problem.path));

  const problems = [...shapeProblems, ...valueProblems];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: copyOf(value as DriftSettings) };
}

/** Compares the input's objects and keys with the defaults', which have every key the settings have. */
function checkShape(value: unknown, expected: object, path: string, problems: SettingsProblem[]): void {
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (!isPlainObject(value)) {
    const keys = Object.keys(expected).join(', ');
    problems.push({ path, message: `must be an object with ${keys}, got ${describeValue(value)}` });
    return;
  }
  for (const [key, expectedValue] of Object.entries(expected)) {
    if (!Object.hasOwn(value, key)) {
      problems.push({ path: at(key), message: 'is required' });
    } else if (isPlainObject(expectedValue)) {
      checkShape(value[key], expectedValue, at(key), problems);
    }
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(expected, key)) {
      problems.push({ path: at(key), message: `is not a setting; expected one of ${Object.keys(expected).join(', ')}` });
    }
  }
}

// Built from the known keys only (the shape check has made sure there are no others), frozen at
// every level like DEFAULT_SETTINGS.
function copyOf(settings: DriftSettings): DriftSettings {
  const { severityBands: bands, weights, saturation } = settings;
  return Object.freeze({
    windowMonths: settings.windowMonths,
    ownershipFallThreshold: settings.ownershipFallThreshold,
    centralisationRiseThreshold: settings.centralisationRiseThreshold,
    severityBands: Object.freeze({ watch: bands.watch, warning: bands.warning, critical: bands.critical }),
    escalationAfterMonths: settings.escalationAfterMonths,
    weights: Object.freeze({
      ownership: Object.freeze({ ...weights.ownership }),
      centralisation: Object.freeze({ ...weights.centralisation }),
    }),
    saturation: Object.freeze({
      dependencies: saturation.dependencies,
      processes: saturation.processes,
      latencyDays: saturation.latencyDays,
    }),
  });
}
