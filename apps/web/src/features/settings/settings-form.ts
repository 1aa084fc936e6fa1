import type { DriftSettingsBody, FieldError } from '@autonomy/contracts';

/**
 * The settings form: which fields it has, what each does, and the conversion between the API's
 * settings and the text people type. The rules between fields (bands that rise, weights that
 * keep an index defined) stay with the API, which names the offending field in its 422.
 */

export type SettingsPath =
  | 'windowMonths'
  | 'ownershipFallThreshold'
  | 'centralisationRiseThreshold'
  | 'escalationAfterMonths'
  | 'severityBands.watch'
  | 'severityBands.warning'
  | 'severityBands.critical'
  | 'weights.ownership.marketing'
  | 'weights.ownership.sales'
  | 'weights.ownership.hiring'
  | 'weights.ownership.target'
  | 'weights.centralisation.dependencies'
  | 'weights.centralisation.processes'
  | 'weights.centralisation.latency'
  | 'weights.centralisation.centralDecisions'
  | 'saturation.dependencies'
  | 'saturation.processes'
  | 'saturation.latencyDays';

export interface SettingsField {
  path: SettingsPath;
  label: string;
  /** One line on what the number does. */
  hint: string;
  /** Whole numbers only (months). */
  whole: boolean;
  unit?: string;
}

export interface SettingsGroup {
  /** The API's path for errors about the group as a whole (`severityBands`), when it has one. */
  path: string | null;
  title: string;
  description: string;
  fields: readonly SettingsField[];
}

export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  {
    path: null,
    title: 'Drift rule',
    description: 'When an area counts as being in Chipotle drift.',
    fields: [
      {
        path: 'windowMonths',
        label: 'Window',
        hint: 'Each month is compared with the month this many months earlier.',
        whole: true,
        unit: 'months',
      },
      {
        path: 'ownershipFallThreshold',
        label: 'Ownership fall',
        hint: 'Ownership must fall at least this much over the window (ΔOI ≤ −this).',
        whole: false,
        unit: 'points',
      },
      {
        path: 'centralisationRiseThreshold',
        label: 'Centralisation rise',
        hint: 'Centralisation must rise at least this much over the window (ΔCI ≥ +this).',
        whole: false,
        unit: 'points',
      },
      {
        path: 'escalationAfterMonths',
        label: 'Escalate after',
        hint: 'This many consecutive months in drift raise the severity one level, up to critical.',
        whole: true,
        unit: 'months',
      },
    ],
  },
  {
    path: 'severityBands',
    title: 'Severity bands',
    description: 'Where each severity starts, on the drift magnitude min(ΔCI, −ΔOI). They must rise.',
    fields: [
      { path: 'severityBands.watch', label: 'Watch from', hint: 'Drift of at least this much is a watch.', whole: false, unit: 'points' },
      { path: 'severityBands.warning', label: 'Warning from', hint: 'Drift of at least this much is a warning.', whole: false, unit: 'points' },
      { path: 'severityBands.critical', label: 'Critical from', hint: 'Drift of at least this much is critical.', whole: false, unit: 'points' },
    ],
  },
  {
    path: 'weights.ownership',
    title: 'Ownership weights',
    description: 'How much each component counts in the ownership index. Relative: equal numbers weigh equally.',
    fields: [
      { path: 'weights.ownership.marketing', label: 'Marketing', hint: 'Share of marketing FTE dedicated to the area.', whole: false },
      { path: 'weights.ownership.sales', label: 'Sales', hint: 'Share of sales FTE dedicated to the area.', whole: false },
      { path: 'weights.ownership.hiring', label: 'Hiring', hint: 'Share of hires the lead ran end to end.', whole: false },
      { path: 'weights.ownership.target', label: 'Revenue target', hint: 'Whether the area set its own revenue target.', whole: false },
    ],
  },
  {
    path: 'weights.centralisation',
    title: 'Centralisation weights',
    description: 'How much each component counts in the centralisation index. Relative, like the ownership weights.',
    fields: [
      { path: 'weights.centralisation.dependencies', label: 'Dependencies', hint: 'Shared-service teams in the area’s critical path.', whole: false },
      { path: 'weights.centralisation.processes', label: 'Processes', hint: 'Centrally imposed processes the area must follow.', whole: false },
      { path: 'weights.centralisation.latency', label: 'Approval latency', hint: 'Median days to get a central approval.', whole: false },
      { path: 'weights.centralisation.centralDecisions', label: 'Central decisions', hint: 'Share of decisions needing central sign-off.', whole: false },
    ],
  },
  {
    path: 'saturation',
    title: 'Saturation constants',
    description: 'A count c becomes c / (c + constant): the constant is the count at which a component reaches one half.',
    fields: [
      { path: 'saturation.dependencies', label: 'Dependencies', hint: 'Shared-service dependencies at which the component is ½.', whole: false },
      { path: 'saturation.processes', label: 'Processes', hint: 'Mandatory processes at which the component is ½.', whole: false },
      { path: 'saturation.latencyDays', label: 'Approval latency', hint: 'Days of approval latency at which the component is ½.', whole: false, unit: 'days' },
    ],
  },
];

export const SETTINGS_FIELDS: readonly SettingsField[] = SETTINGS_GROUPS.flatMap((group) => group.fields);

/** What the inputs hold: the text as typed, so a half-typed "2." is not rewritten under the cursor. */
export type SettingsFormValues = Record<SettingsPath, string>;

function settingAt(settings: DriftSettingsBody, path: SettingsPath): number {
  const { severityBands: bands, weights, saturation } = settings;
  const values: Record<SettingsPath, number> = {
    windowMonths: settings.windowMonths,
    ownershipFallThreshold: settings.ownershipFallThreshold,
    centralisationRiseThreshold: settings.centralisationRiseThreshold,
    escalationAfterMonths: settings.escalationAfterMonths,
    'severityBands.watch': bands.watch,
    'severityBands.warning': bands.warning,
    'severityBands.critical': bands.critical,
    'weights.ownership.marketing': weights.ownership.marketing,
    'weights.ownership.sales': weights.ownership.sales,
    'weights.ownership.hiring': weights.ownership.hiring,
    'weights.ownership.target': weights.ownership.target,
    'weights.centralisation.dependencies': weights.centralisation.dependencies,
    'weights.centralisation.processes': weights.centralisation.processes,
    'weights.centralisation.latency': weights.centralisation.latency,
    'weights.centralisation.centralDecisions': weights.centralisation.centralDecisions,
    'saturation.dependencies': saturation.dependencies,
    'saturation.processes': saturation.processes,
    'saturation.latencyDays': saturation.latencyDays,
  };
  return values[path];
}

/** A setting as the input shows it: plain digits, no grouping, as many decimals as it has. */
export function formatSettingValue(value: number): string {
  return String(value);
}

export function toFormValues(settings: DriftSettingsBody): SettingsFormValues {
  return Object.fromEntries(
    SETTINGS_FIELDS.map((field) => [field.path, formatSettingValue(settingAt(settings, field.path))]),
  ) as SettingsFormValues;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

// Digits with an optional decimal point. No exponents or hex, which Number() would accept, and no
// commas: "1,000" and "2,5" mean different things to different readers, so neither is guessed.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A typed number: "2.5", ".5", " 3 ". Blank and anything else are refused with a reason. */
export function parseSettingNumber(text: string, whole: boolean): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a number.' };
  if (!DECIMAL.test(trimmed)) {
    return { ok: false, message: whole ? 'Enter a whole number, such as 3.' : 'Enter a number, such as 2.5.' };
  }
  const value = Number(trimmed);
  if (whole && !Number.isInteger(value)) return { ok: false, message: 'Enter a whole number, such as 3.' };
  return { ok: true, value };
}

export type SettingsFieldErrors = Partial<Record<SettingsPath, string>>;

export type ParsedSettings = { ok: true; settings: DriftSettingsBody } | { ok: false; errors: SettingsFieldErrors };

/** The form's text as settings for the API, or what is not a number, field by field. */
export function parseFormValues(values: SettingsFormValues): ParsedSettings {
  const numbers: Partial<Record<SettingsPath, number>> = {};
  const errors: SettingsFieldErrors = {};
  for (const field of SETTINGS_FIELDS) {
    const parsed = parseSettingNumber(values[field.path], field.whole);
    if (parsed.ok) numbers[field.path] = parsed.value;
    else errors[field.path] = parsed.message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  // Every field parsed, so every number is there.
  const n = (path: SettingsPath): number => numbers[path] ?? Number.NaN;
  return {
    ok: true,
    settings: {
      windowMonths: n('windowMonths'),
      ownershipFallThreshold: n('ownershipFallThreshold'),
      centralisationRiseThreshold: n('centralisationRiseThreshold'),
      severityBands: {
        watch: n('severityBands.watch'),
        warning: n('severityBands.warning'),
        critical: n('severityBands.critical'),
      },
      escalationAfterMonths: n('escalationAfterMonths'),
      weights: {
        ownership: {
          marketing: n('weights.ownership.marketing'),
          sales: n('weights.ownership.sales'),
          hiring: n('weights.ownership.hiring'),
          target: n('weights.ownership.target'),
        },
        centralisation: {
          dependencies: n('weights.centralisation.dependencies'),
          processes: n('weights.centralisation.processes'),
          latency: n('weights.centralisation.latency'),
          centralDecisions: n('weights.centralisation.centralDecisions'),
        },
      },
      saturation: {
        dependencies: n('saturation.dependencies'),
        processes: n('saturation.processes'),
        latencyDays: n('saturation.latencyDays'),
      },
    },
  };
}

/** The API's errors, each placed where a person will see it. */
export interface PlacedErrors {
  /** By field path or group path: the messages to show next to that field or group. */
  byPath: Record<string, string[]>;
  /** Errors that name no field or group of the form (the whole body, say). */
  general: string[];
}

const PLACES: readonly string[] = [
  ...SETTINGS_FIELDS.map((field) => field.path),
  ...SETTINGS_GROUPS.flatMap((group) => (group.path ? [group.path] : [])),
];

/**
 * Puts each error next to the field its path names, or the closest group that contains it
 * (`severityBands` → the bands, `weights.ownership` → the ownership weights). Paths may use
 * dots or slashes (`/weights/ownership/hiring`, as a JSON pointer would). The API's messages read
 * on from the field's name ("must be …"); beside the field they start a sentence of their own.
 */
export function placeFieldErrors(errors: readonly FieldError[]): PlacedErrors {
  const placed: PlacedErrors = { byPath: {}, general: [] };
  for (const error of errors) {
    const path = error.path.replace(/^[/.]+/, '').replace(/\//g, '.');
    const place = PLACES.filter((candidate) => path === candidate || path.startsWith(`${candidate}.`)).sort(
      (a, b) => b.length - a.length,
    )[0];
    if (place) (placed.byPath[place] ??= []).push(capitalise(error.message));
    else placed.general.push(path ? `${path}: ${error.message}` : error.message);
  }
  return placed;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** One setting on which the form and the settings saved meanwhile disagree. */
export interface SettingsDifference {
  path: SettingsPath;
  /** The field and its group, since "Dependencies" alone names a weight and a constant. */
  label: string;
  /** What is saved now. */
  theirs: string;
  /** What the form holds, as typed. */
  yours: string;
}

/**
 * The settings on which the form differs from what another admin saved meanwhile, in form order:
 * what to look at before saving again. A typed "2.50" agrees with a saved 2.5; text that is not
 * a number differs from any saved value.
 */
export function settingsDifferences(values: SettingsFormValues, saved: DriftSettingsBody): SettingsDifference[] {
  const theirs = toFormValues(saved);
  return SETTINGS_GROUPS.flatMap((group) =>
    group.fields
      .filter((field) => {
        const typed = parseSettingNumber(values[field.path], false);
        return !typed.ok || typed.value !== settingAt(saved, field.path);
      })
      .map((field) => ({ path: field.path, label: `${field.label} (${group.title.toLowerCase()})`, theirs: theirs[field.path], yours: values[field.path] })),
  );
}
