/**
 * Generated bad input for every write route, sent as an admin so that authorisation never hides a
 * validation gap. Every answer must be a 4xx problem+json (never a 5xx, never HTML) and the
 * database must hold exactly what it held before: every table, sessions and audit events included.
 *
 * Each run happens in a rolled-back transaction, so a body that did change something is caught
 * on its own and fast-check can shrink it to the smallest such body. The seed is fixed (set
 * FUZZ_SEED to try another); fast-check prints it with the counterexample when a property fails.
 */
import { METRICS_CSV_COLUMNS, type Problem, type SignalList, withoutFloatNoise } from '@autonomy/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fingerprint, fingerprint } from './fingerprint.ts';
import { exampleFigures, Harness, type TestUser } from './harness.ts';
import { workedExampleAreasCsv } from './worked-example.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_917);
const MIB = 1024 * 1024;

const harness = await Harness.start();
afterAll(() => harness.stop());

// ---------------------------------------------------------------------------------------------
// Fixtures: the things a valid body would name, so the bad ones are bad for their own reasons

const OWN_AREA = 'own-area';
const EXISTING_MONTH = '2024-06';
const REVIEWED_MONTH = '2024-10';

interface Fixtures {
  admin: TestUser;
  lead: TestUser;
  viewer: TestUser;
  signalId: string;
  /** The incident of that signal, and its version. */
  incidentId: string;
  incidentVersion: number;
  settings: Record<string, unknown>;
  /** A review of REVIEWED_MONTH with one decision and one action item; EXISTING_MONTH has figures and no review. */
  reviewId: string;
  actionItemId: string;
  baseline: Fingerprint;
}
let fixtures: Fixtures;

beforeAll(async () => {
  const admin = await harness.user('admin', { email: 'admin@example.com' });
  const imported = await harness.request('/api/v1/imports/metrics', {
    method: 'POST',
    body: workedExampleAreasCsv({ search: { slug: OWN_AREA, name: 'Own area' }, 'data-platform': { slug: 'other-area', name: 'Other area' } }),
    headers: { 'content-type': 'text/csv' },
    as: admin,
  });
  expect(imported.status).toBe(200);
  const lead = await harness.user('area_lead', { email: 'lead@example.com', leads: [OWN_AREA] });
  const viewer = await harness.user('viewer', { email: 'viewer@example.com' });
  const signals = (await (await harness.request(`/api/v1/signals?area=${OWN_AREA}&kind=chipotle_drift`, { as: admin })).json()) as SignalList;
  const signalId = signals.items[0]?.id;
  if (!signalId) throw new Error('the fixture figures raised no open signal');
  const incidentId = signals.items[0]?.incidentId;
  if (!incidentId) throw new Error('the fixture signal belongs to no incident');
  const incidentVersion = ((await (await harness.request(`/api/v1/incidents/${incidentId}`, { as: admin })).json()) as { version: number }).version;
  const { settings } = (await (await harness.request('/api/v1/settings', { as: admin })).json()) as { settings: Record<string, unknown> };
  const review = await harness.json('/api/v1/reviews', 'POST', { month: REVIEWED_MONTH, heldOn: '2024-11-05' }, admin);
  expect(review.status).toBe(201);
  const reviewId = ((await review.json()) as { id: string }).id;
  const item = await harness.json(`/api/v1/reviews/${reviewId}/action-items`, 'POST', { title: 'Fixture', ownerEmail: lead.email }, admin);
  expect(item.status).toBe(201);
  const actionItemId = ((await item.json()) as { id: string }).id;
  // With a decision, the review can be neither discarded nor frozen again: every such request is a refusal.
  const decision = await harness.json(`/api/v1/reviews/${reviewId}/decisions`, 'POST', { text: 'Fixture' }, admin);
  expect(decision.status).toBe(201);
  fixtures = { admin, lead, viewer, signalId, incidentId, incidentVersion, settings, reviewId, actionItemId, baseline: await fingerprint(harness.db) };
});

// ---------------------------------------------------------------------------------------------
// JSON values, including number literals JSON.stringify cannot write (1e999) and raw text

/** JSON text written as is: number literals such as 1e999, or nesting too deep to build as values. */
class RawJson {
  constructor(readonly text: string) {}
}
type Json = null | boolean | number | string | RawJson | Json[] | { [key: string]: Json };

function toJsonText(value: Json): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** One generated request. `label` says what is wrong with it, for the failure report. */
interface BadRequest {
  label: string;
  method?: string;
  path?: string;
  /** null: no Content-Type header at all. */
  contentType?: string | null;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** A field the answer must name in a 422 (checked where the refusal's reason is certain). */
  namesField?: string;
}

const repeated = (min: number, max: number, pieces: string[]) =>
  fc.tuple(fc.integer({ min, max }), fc.constantFrom(...pieces)).map(([length, piece]) => piece.repeat(length));

/** Strings that look like numbers to a person or to Number(), but are strings. */
const numberLikeStrings = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '', '  ', '12', '-1', '1,5', '1_000', '0x10', '١٢', '12abc', ' 7 ');
/** Number literals that parse, but to a value no figure can have. */
const infiniteLiterals = fc.constantFrom('1e999', '-1e999', '1E400', '-1E400').map((text) => new RawJson(text));
const notAStringOrNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.boolean(),
  fc.constant<Json>([]),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.constant<Json>({}),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);
const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 5_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
  .map(([depth, [open, close]]) => new RawJson(`${open.repeat(depth)}1${close.repeat(depth)}`));
const withNul = fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([before, after]) => `${before}x\u0000${after}`);
/**
 * Ill-formed UTF-16: a lone high or low surrogate, or a pair in the wrong order, among other text.
 * JSON.stringify writes them as \udXXX escapes, as a client's JSON would carry them.
 */
const loneSurrogates = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800'];
const withLoneSurrogate = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...loneSurrogates), fc.string({ maxLength: 10 }))
  .map(([before, lone, after]) => `${before}x${lone}${after}`);

// ---------------------------------------------------------------------------------------------
// Field rules, and values that break them

type Field =
  | { kind: 'text'; min: number; max: number; nullable?: boolean }
  | { kind: 'email'; nullable?: boolean }
  | { kind: 'password' }
  | { kind: 'slug' }
  | { kind: 'month' }
  | { kind: 'day'; nullable?: boolean }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; minIncluded: boolean; max: number; whole?: boolean }
  | { kind: 'object'; fields: Record<string, Field> };

function wrongType(field: Field): fc.Arbitrary<Json> {
  const nullIfNotAllowed: fc.Arbitrary<Json>[] = 'nullable' in field && field.nullable ? [] : [fc.constant(null)];
  switch (field.kind) {
    case 'number':
      return fc.oneof(numberLikeStrings, notAStringOrNumber, ...nullIfNotAllowed);
    case 'boolean':
      return fc.oneof(fc.constantFrom<Json>('true', 'false', 0, 1, ''), fc.constant<Json>([]), ...nullIfNotAllowed);
    case 'object':
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant<Json>([]), fc.constant<Json>([{}]), ...nullIfNotAllowed);
    default:
      // Finite: JSON.stringify writes NaN as null, which a nullable field would accept.
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), notAStringOrNumber, ...nullIfNotAllowed);
  }
}

const isSlug = (text: string) => /^[a-z0-9-]{2,64}$/.test(text);

function outOfRange(field: Field): fc.Arbitrary<Json> {
  switch (field.kind) {
    case 'text': {
      const options: fc.Arbitrary<Json>[] = [repeated(field.max + 1, field.max + 3_000, ['n', 'é', '🚀']), withNul, withLoneSurrogate];
      if (field.min > 0) options.push(fc.constantFrom('', ' ', ' \t\n ', '\u00a0'));
      return fc.oneof(...options);
    }
    case 'email':
      return fc.oneof(
        fc.string({ maxLength: 30 }).filter((text) => !text.includes('@')),
        fc.constantFrom('a@', '@example.com', 'a b@example.com', 'a@b', 'lead@@example.com', 'x@y.z'),
        withNul,
        withLoneSurrogate.map((text) => `${text}@example.com`),
      );
    case 'password':
      return fc.oneof(fc.string({ maxLength: 9 }), repeated(1_025, 5_000, ['p']), withLoneSurrogate.map((text) => `password-${text}`));
    case 'month':
      return fc.oneof(
        fc.string({ maxLength: 10 }).filter((text) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(text)),
        fc.constantFrom('2024-13', '2024-00', '24-06', '2024-6', '2024/06', ' 2024-06', '2024-06-01'),
      );
    case 'day':
      return fc.oneof(
        fc.string({ maxLength: 12 }).filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
        fc.constantFrom('2024-02-30', '2025-02-29', '2024-13-01', '2024-04-31', '0000-01-01', '2024-1-01', '2024-10', ' 2024-10-03', '2024-10-03T09:00:00Z', '03/10/2024'),
      );
    case 'slug':
      return fc.oneof(
        fc.string({ maxLength: 70 }).filter((text) => !isSlug(text)),
        fc.constantFrom('a', 'Own-Area', 'own_area', 'own area', 'x'.repeat(65), ''),
      );
    case 'enum':
      return fc.oneof(
        fc.string({ maxLength: 12 }).filter((text) => !field.values.includes(text)),
        fc.constantFrom(...field.values.map((value) => value.toUpperCase()), 'cleared', 'owner', ' area'),
      );
    case 'boolean':
      return fc.constantFrom<Json>('yes', 'no', 2);
    case 'number': {
      const { min, max } = field;
      // Figures read float noise as the value it rounds to (the brief), so a value within noise of
      // an edge is not a bad one: -5e-324 is 0, and 2.9999999999999996 is 3.
      const options: fc.Arbitrary<Json>[] = [
        fc.double({ min: -1e308, max: min, noNaN: true }).filter((value) => (field.minIncluded ? value < min : value <= min) && withoutFloatNoise(value) !== min),
        fc.double({ min: max, max: 1e308, noNaN: true, noDefaultInfinity: true }).filter((value) => value > max),
        infiniteLiterals,
      ];
      if (field.whole) options.push(fc.double({ min, max, noNaN: true }).filter((value) => !Number.isInteger(withoutFloatNoise(value))));
      return fc.oneof(...options);
    }
    case 'object':
      return fc.oneof(...Object.entries(field.fields).map(([key, inner]) => badValue(inner).map((bad) => ({ [key]: bad }))));
  }
}

/** Any value the field must refuse. */
function badValue(field: Field): fc.Arbitrary<Json> {
  return fc.oneof({ arbitrary: wrongType(field), weight: 2 }, { arbitrary: outOfRange(field), weight: 3 }, { arbitrary: deepNesting, weight: 1 });
}

/**
 * The values just past each edge of a field, tried on every run before the generated ones: the
 * first number too large to store, the first string too long, the NUL character, a lone surrogate.
 */
function edgeValues(field: Field, valid: Json): Json[] {
  switch (field.kind) {
    case 'text':
      return ['x\u0000', 'n'.repeat(field.max + 1), ...(field.min > 0 ? [' '] : []), ...loneSurrogates.map((lone) => `x${lone}`)];
    case 'email':
      return ['x\u0000@example.com', 'x@y', 'x\ud800@example.com'];
    case 'password':
      return ['p'.repeat(9), 'p'.repeat(1_025), 'password-\ud800', 'password-\udc00'];
    case 'slug':
      return ['x', 'x'.repeat(65)];
    case 'month':
      return ['2024-13', '2024-00'];
    case 'day':
      return ['2024-02-30', '0000-01-01'];
    case 'enum':
      return ['', field.values[0]?.toUpperCase() ?? 'X'];
    case 'boolean':
      return ['true'];
    case 'number':
      return [
        field.minIncluded ? field.min - 1 : field.min,
        field.max + 1,
        new RawJson('1e999'),
        ...(field.whole ? [field.min + 0.5] : []),
      ];
    case 'object':
      return edgeBodies(field.fields, valid as Record<string, Json>).map(({ body }) => body);
  }
}

function edgeBodies(fields: Record<string, Field>, valid: Record<string, Json>): { name: string; body: Record<string, Json> }[] {
  return Object.entries(fields).flatMap(([name, field]) =>
    edgeValues(field, valid[name] ?? null).map((value) => ({ name, body: { ...valid, [name]: value } })),
  );
}

// ---------------------------------------------------------------------------------------------
// Bad JSON bodies for a route, built from a valid body by one thing that must make it invalid

interface JsonRoute {
  method: string;
  path: string;
  valid: () => Record<string, Json>;
  fields: Record<string, Field>;
  /** Fields that may not be left out; for a patch (`atLeastOne`), an empty body is what is missing. */
  required: string[];
  atLeastOne?: boolean;
  /** Bodies and targets particular to the route: rules between fields, unknown ids, conflicts. */
  extra?: fc.Arbitrary<BadRequest>[];
}

const malformedJsonText = (valid: string) =>
  fc
    .oneof(
      fc.integer({ min: 0, max: Math.max(0, valid.length - 1) }).map((cut) => valid.slice(0, cut)),
      fc.constantFrom(
        valid.replaceAll('"', "'"),
        `${valid},`,
        `${valid}}`,
        `${valid.slice(0, -1)},}`,
        `// note\n${valid}`,
        valid.replace(/"(\w+)":/, '$1:'),
        valid.replace(/:[^,}]+/, ':NaN'),
        valid.replace(/:[^,}]+/, ':undefined'),
        'undefined',
        '{"a" 1}',
        '{',
        '[',
        '"',
        '\u0000',
      ),
      fc.string({ maxLength: 40 }),
    )
    .filter((text) => {
      try {
        // As the server reads a body: a leading byte-order mark is dropped (WHATWG "UTF-8 decode").
        JSON.parse(text.replace(/^\ufeff/, ''));
        return false;
      } catch {
        return true;
      }
    });

function jsonBodies(route: JsonRoute): fc.Arbitrary<BadRequest> {
  const valid = route.valid();
  const validText = toJsonText(valid);
  const json = (label: string, body: string): BadRequest => ({ label, body, contentType: 'application/json' });
  const fieldNames = Object.keys(route.fields);
  const known = new Set(fieldNames);

  const kinds: fc.Arbitrary<BadRequest>[] = [
    malformedJsonText(validText).map((text) => json('malformed JSON', text)),
    // One field at a time is where a gap hides: four times as likely as any other kind.
    ...Array.from({ length: 4 }, () =>
      fc
        .constantFrom(...fieldNames)
        .chain((name) => badValue(route.fields[name] as Field).map((bad) => json(`bad ${name}`, toJsonText({ ...valid, [name]: bad })))),
    ),
    fc
      .tuple(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !known.has(key)),
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'passwordHash', 'version', 'areaSlug'),
        ),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constant<Json>(null)),
      )
      .filter(([key]) => !known.has(key))
      // Written into the text: an object literal would turn "__proto__" into a prototype.
      .map(([key, value]) => json(`extra field ${key}`, `{${JSON.stringify(key)}:${toJsonText(value)},${validText.slice(1)}`)),
    fc.constantFrom<Json>(null, [], [valid], 0, 1.5, 'text', true, false).map((body) => json('not an object', toJsonText(body))),
    deepNesting.map((nested) => json('deeply nested', nested.text)),
    fc
      .tuple(fc.constantFrom(...fieldNames), fc.integer({ min: MIB + 1, max: Math.round(1.3 * MIB) }))
      .map(([name, length]) => json(`body over 1 MiB in ${name}`, toJsonText({ ...valid, [name]: 'x'.repeat(length) }))),
    fc
      .constantFrom(undefined, 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml')
      .map((contentType): BadRequest => ({ label: `valid body sent as ${contentType ?? 'no content type'}`, body: validText, contentType: contentType ?? null })),
  ];
  if (route.required.length > 0) {
    kinds.push(
      fc.constantFrom(...route.required).map((name) => {
        const { [name]: _left, ...rest } = valid;
        return json(`missing ${name}`, toJsonText(rest));
      }),
    );
  }
  const textFields = fieldNames.filter((name) => route.fields[name]?.kind === 'text');
  if (textFields.length > 0) {
    kinds.push(
      fc.tuple(fc.constantFrom(...textFields), fc.constantFrom(...INVALID_UTF8)).map(([name, bytes]) => notUtf8Json(valid, name, bytes)),
    );
  }
  if (route.atLeastOne) kinds.push(fc.constant(json('no change at all', '{}')));
  return fc.oneof(...kinds, ...(route.extra ?? [])).map((request) => withRoute(route, request));
}

/**
 * A valid body whose text field holds bytes that are not UTF-8, inside the string: read leniently,
 * they would be stored as U+FFFD (regression: a token named "fuzz\ufffd\ufffd" was created).
 */
function notUtf8Json(valid: Record<string, Json>, name: string, bytes: number[]): BadRequest {
  const MARK = 'NOT-UTF8-HERE';
  const encoded = new TextEncoder().encode(toJsonText({ ...valid, [name]: `fuzz${MARK}` }));
  const at = Buffer.from(encoded).indexOf(MARK);
  return {
    label: `bytes ${bytes.map((byte) => byte.toString(16)).join(' ')} that are not UTF-8 in ${name}`,
    contentType: 'application/json',
    body: new Uint8Array([...encoded.slice(0, at), ...bytes, ...encoded.slice(at + MARK.length)]),
  };
}

function withRoute(route: JsonRoute, request: BadRequest): BadRequest {
  return { method: route.method, path: route.path, ...request };
}

function jsonEdges(route: JsonRoute): BadRequest[] {
  const valid = route.valid();
  const firstText = Object.keys(route.fields).find((name) => route.fields[name]?.kind === 'text');
  const notUtf8 = firstText ? [withRoute(route, notUtf8Json(valid, firstText, [0xed, 0xa0, 0x80]))] : [];
  return [...notUtf8, ...edgeBodies(route.fields, valid).map(({ name, body }) => {
    const value = body[name];
    // A lone surrogate is refused by the field's own rule, never replaced or left to the database.
    const illFormed = typeof value === 'string' && /\p{Cs}/u.test(value);
    return withRoute(route, { label: `edge of ${name}`, contentType: 'application/json', body: toJsonText(body), ...(illFormed ? { namesField: name } : {}) });
  })];
}

/** If-Match values that cannot match the fixture's current version, sent with an otherwise valid body. */
function staleIfMatch(body: () => Json): fc.Arbitrary<BadRequest> {
  return fc.constantFrom('"77"', '"999999"', 'W/"1"', 'W/"0"', 'garbage', '"78", "79"').map((ifMatch) => ({
    label: `a stale If-Match ${ifMatch}`,
    contentType: 'application/json',
    headers: { 'if-match': ifMatch },
    body: toJsonText(body()),
  }));
}

// ---------------------------------------------------------------------------------------------
// The write routes

const text = (min: number, max: number, nullable = false): Field => ({ kind: 'text', min, max, nullable });
const decimal: Field = { kind: 'number', min: 0, minIncluded: true, max: 99_999_999_999_999 };
const count: Field = { kind: 'number', min: 0, minIncluded: true, max: 2_147_483_647, whole: true };
const roleField: Field = { kind: 'enum', values: ['admin', 'executive', 'area_lead', 'viewer'] };
const months: Field = { kind: 'number', min: 1, minIncluded: true, max: 36, whole: true };
const points: Field = { kind: 'number', min: 0, minIncluded: false, max: 100 };
const weight: Field = { kind: 'number', min: 0, minIncluded: true, max: 1000 };
const saturation: Field = { kind: 'number', min: 0, minIncluded: false, max: 1_000_000 };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const figureFields: Record<string, Field> = {
  revenueTarget: decimal,
  revenueActual: decimal,
  marketingDedicatedFte: decimal,
  marketingSharedFte: decimal,
  salesDedicatedFte: decimal,
  salesSharedFte: decimal,
  hiresTotal: count,
  hiresLeadOwned: count,
  decisionsTotal: count,
  decisionsCentral: count,
  sharedServiceDependencies: count,
  mandatoryProcesses: count,
  approvalLatencyDays: decimal,
  targetOwner: { kind: 'enum', values: ['area', 'central'] },
};

const settingsFields: Record<string, Field> = {
  windowMonths: months,
  ownershipFallThreshold: points,
  centralisationRiseThreshold: points,
  severityBands: { kind: 'object', fields: { watch: points, warning: points, critical: points } },
  escalationAfterMonths: months,
  weights: {
    kind: 'object',
    fields: {
      ownership: { kind: 'object', fields: { marketing: weight, sales: weight, hiring: weight, target: weight } },
      centralisation: { kind: 'object', fields: { dependencies: weight, processes: weight, latency: weight, centralDecisions: weight } },
    },
  },
  saturation: { kind: 'object', fields: { dependencies: saturation, processes: saturation, latencyDays: saturation } },
};

/** A nested field left out of the settings, e.g. weights.ownership.hiring. */
function settingsWithout(path: readonly string[]): Record<string, Json> {
  const copy = structuredClone(fixtures.settings) as Record<string, Json>;
  let node: Record<string, Json> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  delete node[path.at(-1) as string];
  return copy;
}

const putFigures = `/api/v1/areas/${OWN_AREA}/months/${EXISTING_MONTH}`;

/** Unknown reviews and items, and ids that are not ids, for the routes under /reviews/{id}. */
function unknownReviewTargets(path: (reviewId: string) => string, body: Json): fc.Arbitrary<BadRequest> {
  return fc.constantFrom(UNKNOWN_ID, 'not-a-uuid', '1').map((id) => ({
    label: `review ${id}, which does not exist`,
    path: path(id),
    contentType: 'application/json',
    body: toJsonText(body),
  }));
}

const reviewPath = () => `/api/v1/reviews/${fixtures.reviewId}`;
const actionItemPath = () => `${reviewPath()}/action-items/${fixtures.actionItemId}`;
const itemStatus: Field = { kind: 'enum', values: ['open', 'done', 'dropped'] };

/** The review routes, gathered here so the list below reads one route per entry. */
const reviewRoutes: { name: string; runs: number; route: () => JsonRoute }[] = [
  {
    name: 'POST /api/v1/reviews',
    runs: 120,
    route: () => ({
      method: 'POST',
      path: '/api/v1/reviews',
      valid: () => ({ month: EXISTING_MONTH, heldOn: '2024-07-04', agenda: 'Drift first', notes: '' }),
      fields: { month: { kind: 'month' }, heldOn: { kind: 'day' }, agenda: text(0, 20_000), notes: text(0, 50_000) },
      required: ['month', 'heldOn'],
      extra: [
        fc.constantFrom(REVIEWED_MONTH, '2030-01', '2024-01').map((month) => ({
          label: `the month ${month}, already reviewed or without figures`,
          contentType: 'application/json',
          body: JSON.stringify({ month, heldOn: '2024-11-05' }),
        })),
      ],
    }),
  },
  {
    name: 'PATCH /api/v1/reviews/{id}',
    runs: 100,
    route: () => ({
      method: 'PATCH',
      path: reviewPath(),
      valid: () => ({ heldOn: '2024-11-06', agenda: 'Changed', notes: 'Noted' }),
      fields: { heldOn: { kind: 'day' }, agenda: text(0, 20_000), notes: text(0, 50_000) },
      required: [],
      atLeastOne: true,
      extra: [
        staleIfMatch(() => ({ notes: 'Stale' })),
        unknownReviewTargets((id) => `/api/v1/reviews/${id}`, { notes: 'Lost' }),
        fc.constantFrom<Json>({ month: '2024-09' }, { snapshot: {} }, { version: 2 }).map((body) => ({
          label: 'a change of what never changes',
          contentType: 'application/json',
          body: toJsonText(body),
        })),
      ],
    }),
  },
  {
    name: 'POST /api/v1/reviews/{id}/decisions',
    runs: 100,
    route: () => ({
      method: 'POST',
      path: `${reviewPath()}/decisions`,
      valid: () => ({ text: 'Own area keeps its recruiter', areaSlug: OWN_AREA }),
      fields: { text: text(1, 2000), areaSlug: { kind: 'slug' } },
      required: ['text'],
      extra: [
        unknownReviewTargets((id) => `/api/v1/reviews/${id}/decisions`, { text: 'Lost' }),
        fc.constantFrom('no-such-area', 'other-area-2').map((areaSlug) => ({
          label: `area ${areaSlug}, which does not exist`,
          contentType: 'application/json',
          body: JSON.stringify({ text: 'About nothing', areaSlug }),
        })),
      ],
    }),
  },
  {
    name: 'POST /api/v1/reviews/{id}/action-items',
    runs: 120,
    route: () => ({
      method: 'POST',
      path: `${reviewPath()}/action-items`,
      valid: () => ({ title: 'Ask why', ownerEmail: fixtures.lead.email, dueOn: '2024-12-01', areaSlug: OWN_AREA }),
      fields: { title: text(1, 500), ownerEmail: { kind: 'email' }, dueOn: { kind: 'day' }, areaSlug: { kind: 'slug' } },
      required: ['title', 'ownerEmail'],
      extra: [
        unknownReviewTargets((id) => `/api/v1/reviews/${id}/action-items`, { title: 'Lost', ownerEmail: fixtures.lead.email }),
        fc.constantFrom('nobody@example.com', 'no-one@example.org').map((ownerEmail) => ({
          label: `owner ${ownerEmail}, who is not a user`,
          contentType: 'application/json',
          body: JSON.stringify({ title: 'Chase', ownerEmail }),
        })),
        fc.constant({
          label: 'an area that does not exist',
          contentType: 'application/json',
          body: JSON.stringify({ title: 'Chase', ownerEmail: fixtures.lead.email, areaSlug: 'no-such-area' }),
        }),
      ],
    }),
  },
  {
    name: 'PATCH /api/v1/reviews/{id}/action-items/{itemId}',
    runs: 120,
    route: () => ({
      method: 'PATCH',
      path: actionItemPath(),
      valid: () => ({ title: 'Ask why again', ownerEmail: fixtures.viewer.email, dueOn: null, status: 'done', note: 'On track' }),
      fields: { title: text(1, 500), ownerEmail: { kind: 'email' }, dueOn: { kind: 'day', nullable: true }, status: itemStatus, note: text(1, 2000) },
      required: [],
      atLeastOne: true,
      extra: [
        staleIfMatch(() => ({ status: 'done' })),
        unknownReviewTargets((id) => `/api/v1/reviews/${id}/action-items/${fixtures.actionItemId}`, { status: 'done' }),
        fc.constantFrom(UNKNOWN_ID, 'not-a-uuid').map((id) => ({
          label: `action item ${id}, which does not exist`,
          path: `${reviewPath()}/action-items/${id}`,
          contentType: 'application/json',
          body: JSON.stringify({ status: 'done' }),
        })),
        fc.constantFrom('nobody@example.com').map((ownerEmail) => ({
          label: `owner ${ownerEmail}, who is not a user`,
          contentType: 'application/json',
          body: JSON.stringify({ ownerEmail }),
        })),
      ],
    }),
  },
];

/** Routes and their share of the runs: at least 2,000 bad bodies in all. */
const jsonRoutes: { name: string; runs: number; route: () => JsonRoute }[] = [
  {
    name: 'POST /api/v1/auth/login',
    runs: 150,
    route: () => ({
      method: 'POST',
      path: '/api/v1/auth/login',
      valid: () => ({ email: 'someone@example.com', password: 'a-password-123' }),
      fields: { email: { kind: 'email' }, password: { kind: 'text', min: 1, max: 1024 } },
      required: ['email', 'password'],
    }),
  },
  {
    name: 'POST /api/v1/auth/password',
    runs: 100,
    route: () => ({
      method: 'POST',
      path: '/api/v1/auth/password',
      valid: () => ({ currentPassword: fixtures.admin.password, newPassword: 'a-new-long-password' }),
      fields: { currentPassword: { kind: 'text', min: 1, max: 1024 }, newPassword: { kind: 'password' } },
      required: ['currentPassword', 'newPassword'],
      extra: [
        fc.constantFrom('wrong-password-123', `${'x'}`).map((currentPassword) => ({
          label: 'a wrong current password',
          contentType: 'application/json',
          body: JSON.stringify({ currentPassword, newPassword: 'a-new-long-password' }),
        })),
        fc.constant({
          label: 'the same password again',
          contentType: 'application/json',
          body: JSON.stringify({ currentPassword: 'admin-password-123', newPassword: 'admin-password-123' }),
        }),
      ],
    }),
  },
  {
    name: 'POST /api/v1/tokens',
    runs: 150,
    route: () => ({ method: 'POST', path: '/api/v1/tokens', valid: () => ({ name: 'fuzz' }), fields: { name: text(1, 100) }, required: [] }),
  },
  {
    name: 'POST /api/v1/users',
    runs: 200,
    route: () => ({
      method: 'POST',
      path: '/api/v1/users',
      valid: () => ({ email: 'fuzz@example.com', name: 'Fuzz', role: 'viewer', password: 'a-long-password' }),
      fields: { email: { kind: 'email' }, name: text(1, 200), role: roleField, password: { kind: 'password' } },
      required: ['email', 'name', 'role', 'password'],
      extra: [
        fc.constantFrom('admin@example.com', ' Viewer@Example.com ').map((email) => ({
          label: `an email already taken (${email})`,
          contentType: 'application/json',
          body: JSON.stringify({ email, name: 'Again', role: 'viewer', password: 'a-long-password' }),
        })),
      ],
    }),
  },
  {
    name: 'PATCH /api/v1/users/{id}',
    runs: 200,
    route: () => ({
      method: 'PATCH',
      path: `/api/v1/users/${fixtures.viewer.id}`,
      valid: () => ({ name: 'Renamed', role: 'executive', active: false, password: 'another-long-password' }),
      fields: { name: text(1, 200), role: roleField, active: { kind: 'boolean' }, password: { kind: 'password' } },
      required: [],
      atLeastOne: true,
      extra: [
        staleIfMatch(() => ({ name: 'Renamed' })),
        fc.constantFrom(UNKNOWN_ID, 'not-a-uuid', '1').map((id) => ({
          label: `user ${id}, which does not exist`,
          path: `/api/v1/users/${id}`,
          contentType: 'application/json',
          body: JSON.stringify({ name: 'Renamed' }),
        })),
        fc.constantFrom<Json>({ active: false }, { role: 'viewer' }, { role: 'executive', name: 'Me' }).map((body) => ({
          label: 'an admin locking themselves out',
          path: `/api/v1/users/${fixtures.admin.id}`,
          contentType: 'application/json',
          body: toJsonText(body),
        })),
      ],
    }),
  },
  {
    name: 'POST /api/v1/areas',
    runs: 200,
    route: () => ({
      method: 'POST',
      path: '/api/v1/areas',
      valid: () => ({ slug: 'fuzz-area', name: 'Fuzz area', description: 'Made up', leadEmail: fixtures.lead.email }),
      fields: { slug: { kind: 'slug' }, name: text(1, 200), description: text(0, 2000), leadEmail: { kind: 'email', nullable: true } },
      required: ['slug', 'name'],
      extra: [
        fc.constantFrom(OWN_AREA, 'other-area').map((slug) => ({
          label: `the slug ${slug}, already taken`,
          contentType: 'application/json',
          body: JSON.stringify({ slug, name: 'Again' }),
        })),
        fc.constantFrom('nobody@example.com', 'viewer@example.com').map((leadEmail) => ({
          label: `lead ${leadEmail}, not an area lead`,
          contentType: 'application/json',
          body: JSON.stringify({ slug: 'fuzz-area', name: 'Fuzz', leadEmail }),
        })),
      ],
    }),
  },
  {
    name: 'PATCH /api/v1/areas/{slug}',
    runs: 200,
    route: () => ({
      method: 'PATCH',
      path: `/api/v1/areas/${OWN_AREA}`,
      valid: () => ({ name: 'Renamed', description: 'Changed', leadEmail: fixtures.lead.email, status: 'archived' }),
      fields: {
        name: text(1, 200),
        description: text(0, 2000),
        leadEmail: { kind: 'email', nullable: true },
        status: { kind: 'enum', values: ['active', 'archived'] },
      },
      required: [],
      atLeastOne: true,
      extra: [
        fc.constantFrom('nobody@example.com', 'viewer@example.com').map((leadEmail) => ({
          label: `lead ${leadEmail}, not an area lead`,
          contentType: 'application/json',
          body: JSON.stringify({ leadEmail }),
        })),
        fc
          .constantFrom<Json>(
            ['lead@example.com', 'nobody@example.com'],
            ['viewer@example.com'],
            ['lead@example.com', 'LEAD@example.com'],
            Array.from({ length: 11 }, (_, index) => `lead${index}@example.com`),
            ['not an email'],
            'lead@example.com',
            [null],
            [['lead@example.com']],
          )
          .map((leadEmails) => ({
            label: `leads ${JSON.stringify(leadEmails)}`,
            contentType: 'application/json',
            body: toJsonText({ leadEmails }),
          })),
        fc.constant({
          label: 'both leadEmail and leadEmails',
          contentType: 'application/json',
          body: JSON.stringify({ leadEmail: 'lead@example.com', leadEmails: ['lead@example.com'] }),
        }),
        fc.constantFrom('"0"', '"999999"', 'W/"1"', 'garbage').map((ifMatch) => ({
          label: `a stale If-Match ${ifMatch}`,
          contentType: 'application/json',
          headers: { 'if-match': ifMatch },
          body: JSON.stringify({ description: 'Changed' }),
        })),
        fc.constantFrom('no-such-area', 'No_Such', 'x').map((slug) => ({
          label: `area ${slug}, which does not exist`,
          path: `/api/v1/areas/${slug}`,
          contentType: 'application/json',
          body: JSON.stringify({ description: 'Changed' }),
        })),
      ],
    }),
  },
  {
    name: 'PUT /api/v1/areas/{slug}/months/{month}',
    runs: 300,
    route: () => ({
      method: 'PUT',
      path: putFigures,
      valid: () => ({ ...exampleFigures }),
      fields: figureFields,
      required: Object.keys(figureFields),
      extra: [
        fc.integer({ min: 0, max: 1_000 }).chain((total) =>
          fc.tuple(fc.integer({ min: total + 1, max: total + 1_000 }), fc.constantFrom(['hiresTotal', 'hiresLeadOwned'], ['decisionsTotal', 'decisionsCentral'])).map(
            ([part, [totalField, partField]]) => ({
              label: `${partField} above ${totalField}`,
              contentType: 'application/json',
              body: JSON.stringify({ ...exampleFigures, [totalField as string]: total, [partField as string]: part }),
            }),
          ),
        ),
        fc
          .constantFrom(
            [OWN_AREA, '2024-13'],
            [OWN_AREA, '2024-1'],
            [OWN_AREA, '24-06'],
            ['Own-Area', EXISTING_MONTH],
            ['no-such-area', EXISTING_MONTH],
          )
          .map(([slug, month]) => ({
            label: `figures of ${slug} ${month}`,
            path: `/api/v1/areas/${slug}/months/${month}`,
            contentType: 'application/json',
            body: JSON.stringify(exampleFigures),
          })),
        fc
          .oneof(
            fc.constantFrom('"0"', '"999999"', 'W/"1"', '"1', '1', '""', 'garbage', '"2", "3"'),
            fc.string({ maxLength: 20 }).filter((header) => header.trim() !== '*' && !/"1"/.test(header)),
          )
          .map((ifMatch) => ({
            label: `a stale If-Match ${ifMatch}`,
            contentType: 'application/json',
            headers: { 'if-match': ifMatch },
            body: JSON.stringify(exampleFigures),
          })),
      ],
    }),
  },
  {
    name: 'POST /api/v1/areas/{slug}/targets',
    runs: 200,
    route: () => ({
      method: 'POST',
      path: `/api/v1/areas/${OWN_AREA}/targets`,
      valid: () => ({ from: EXISTING_MONTH, to: '2024-09', revenueTarget: 150_000, reason: 'New pricing' }),
      fields: { from: { kind: 'month' }, to: { kind: 'month' }, revenueTarget: decimal, reason: text(1, 500) },
      required: ['from', 'revenueTarget', 'reason'],
      extra: [
        fc
          .constantFrom(['2024-09', '2024-06'], ['2024-01', '2034-02'], ['2000-01', '9999-12'])
          .map(([from, to]) => ({
            label: `the range ${from} to ${to}, backwards or over ten years`,
            contentType: 'application/json',
            body: JSON.stringify({ from, to, revenueTarget: 1, reason: 'Range' }),
          })),
        fc.constantFrom('no-such-area', 'No_Such', 'x').map((slug) => ({
          label: `area ${slug}, which does not exist`,
          path: `/api/v1/areas/${slug}/targets`,
          contentType: 'application/json',
          body: JSON.stringify({ from: EXISTING_MONTH, revenueTarget: 1, reason: 'Nowhere' }),
        })),
      ],
    }),
  },
  {
    name: 'PATCH /api/v1/signals/{id}',
    runs: 150,
    route: () => ({
      method: 'PATCH',
      path: `/api/v1/signals/${fixtures.signalId}`,
      valid: () => ({ status: 'dismissed', reason: 'Seasonal dip' }),
      fields: { status: { kind: 'enum', values: ['open', 'acknowledged', 'resolved', 'dismissed'] }, reason: text(1, 2000) },
      required: ['status'],
      extra: [
        staleIfMatch(() => ({ status: 'acknowledged' })),
        fc.constantFrom<Json>({ status: 'dismissed' }, { status: 'dismissed', reason: '   ' }).map((body) => ({
          label: 'a dismissal without a reason',
          contentType: 'application/json',
          body: toJsonText(body),
        })),
        fc.constantFrom(UNKNOWN_ID, 'not-a-uuid').map((id) => ({
          label: `signal ${id}, which does not exist`,
          path: `/api/v1/signals/${id}`,
          contentType: 'application/json',
          body: JSON.stringify({ status: 'acknowledged' }),
        })),
      ],
    }),
  },
  {
    name: 'PATCH /api/v1/incidents/{id}',
    runs: 150,
    route: () => ({
      method: 'PATCH',
      path: `/api/v1/incidents/${fixtures.incidentId}`,
      valid: () => ({ status: 'dismissed', reason: 'Planned reorganisation', until: '2099-12' }),
      fields: { status: { kind: 'enum', values: ['open', 'acknowledged', 'resolved', 'dismissed'] }, reason: text(1, 2000), until: { kind: 'month' } },
      required: ['status'],
      extra: [
        staleIfMatch(() => ({ status: 'acknowledged' })),
        fc.constantFrom<Json>({ status: 'dismissed', reason: 'Seasonal', until: '2020-01' }, { status: 'dismissed', reason: 'Seasonal', until: '1999-12' }).map((body) => ({
          label: 'a snooze that ends in the past',
          contentType: 'application/json',
          body: toJsonText(body),
        })),
        fc.constantFrom<Json>({ status: 'acknowledged', until: '2099-01' }, { status: 'dismissed', until: '2099-01' }).map((body) => ({
          label: 'a snooze without a dismissal or a reason',
          contentType: 'application/json',
          body: toJsonText(body),
        })),
        fc.constantFrom(UNKNOWN_ID, 'not-a-uuid').map((id) => ({
          label: `incident ${id}, which does not exist`,
          path: `/api/v1/incidents/${id}`,
          contentType: 'application/json',
          body: JSON.stringify({ status: 'acknowledged' }),
        })),
      ],
    }),
  },
  {
    name: 'POST /api/v1/incidents/decisions',
    runs: 150,
    route: () => ({
      method: 'POST',
      path: '/api/v1/incidents/decisions',
      valid: () => ({ status: 'acknowledged', reason: 'Discussed at the review', incidents: [{ id: fixtures.incidentId, version: fixtures.incidentVersion }] }),
      fields: { status: { kind: 'enum', values: ['acknowledged', 'dismissed'] }, reason: text(1, 2000) },
      required: ['status', 'incidents'],
      extra: [
        fc
          .constantFrom<Json>(
            [],
            [{ id: UNKNOWN_ID, version: 1 }],
            [{ id: 'not-a-uuid', version: 1 }],
            [{ id: UNKNOWN_ID }],
            [{ id: UNKNOWN_ID, version: 0 }],
            Array.from({ length: 501 }, () => ({ id: UNKNOWN_ID, version: 1 })),
            'all',
          )
          .map((incidents) => ({
            label: 'incidents that are missing, unknown, malformed or too many',
            contentType: 'application/json',
            body: toJsonText({ status: 'acknowledged', incidents }),
          })),
        fc.constantFrom(77, 999_999).map((version) => ({
          label: `a stale version ${version}`,
          contentType: 'application/json',
          body: JSON.stringify({ status: 'acknowledged', incidents: [{ id: fixtures.incidentId, version }] }),
        })),
        fc.constantFrom('2020-01', '2024-13').map((until) => ({
          label: `a snooze until ${until}`,
          contentType: 'application/json',
          body: JSON.stringify({ status: 'dismissed', reason: 'Seasonal', until, incidents: [{ id: fixtures.incidentId, version: fixtures.incidentVersion }] }),
        })),
      ],
    }),
  },
  {
    name: 'POST /api/v1/incidents/{id}/comments',
    runs: 100,
    route: () => ({
      method: 'POST',
      path: `/api/v1/incidents/${fixtures.incidentId}/comments`,
      valid: () => ({ text: 'The central recruiter started in May' }),
      fields: { text: text(1, 4000) },
      required: ['text'],
      extra: [
        fc.constantFrom(UNKNOWN_ID, 'not-a-uuid').map((id) => ({
          label: `incident ${id}, which does not exist`,
          path: `/api/v1/incidents/${id}/comments`,
          contentType: 'application/json',
          body: JSON.stringify({ text: 'Context' }),
        })),
      ],
    }),
  },
  {
    name: 'PUT /api/v1/settings',
    runs: 250,
    route: () => ({
      method: 'PUT',
      path: '/api/v1/settings',
      valid: () => structuredClone(fixtures.settings) as Record<string, Json>,
      fields: settingsFields,
      required: Object.keys(settingsFields),
      extra: [
        staleIfMatch(() => structuredClone(fixtures.settings) as Record<string, Json>),
        fc
          .constantFrom(['severityBands', 'warning'], ['weights', 'ownership'], ['weights', 'centralisation', 'latency'], ['saturation', 'latencyDays'])
          .map((path) => ({ label: `missing ${path.join('.')}`, contentType: 'application/json', body: toJsonText(settingsWithout(path)) })),
        fc.constantFrom<Json>({ watch: 20, warning: 10, critical: 5 }, { watch: 5, warning: 30, critical: 20 }).map((severityBands) => ({
          label: 'severity bands that do not rise',
          contentType: 'application/json',
          body: toJsonText({ ...(fixtures.settings as Record<string, Json>), severityBands }),
        })),
        fc.constant({
          label: 'all weights of the always-present ownership components at 0',
          contentType: 'application/json',
          body: toJsonText({
            ...(fixtures.settings as Record<string, Json>),
            weights: { ownership: { marketing: 0, sales: 0, hiring: 1, target: 0 }, centralisation: { dependencies: 1, processes: 1, latency: 1, centralDecisions: 1 } },
          }),
        }),
      ],
    }),
  },
  ...reviewRoutes,
];

// ---------------------------------------------------------------------------------------------
// Bad CSV files: a valid file, written in any of the ways a spreadsheet writes one, broken in
// at least one way that makes the whole file unacceptable

type CsvField = string | { raw: string };
interface CsvFile {
  header: CsvField[];
  rows: CsvField[][];
}

const AREA_NAMES: Record<string, string> = { [OWN_AREA]: 'Own area', 'other-area': 'Payments, "EU"', 'brand-new': 'Über\r\nteam 🚀' };

const validRow = (index: number) =>
  fc
    .record({
      slug: fc.constantFrom(...Object.keys(AREA_NAMES)),
      money: fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map(String), fc.constantFrom('0.75', '1500.25', '0')), { minLength: 7, maxLength: 7 }),
      totals: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })),
      counts: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })),
      owner: fc.constantFrom('area', 'central'),
    })
    .map(({ slug, money, totals: [hires, decisions], counts: [dependencies, processes], owner }) => {
      const [target, actual, md, ms, sd, ss, latency] = money as [string, string, string, string, string, string, string];
      // Each row its own month, so rows never repeat an area month by accident.
      const month = `2030-${String(index + 1).padStart(2, '0')}`;
      const values: Record<string, string> = {
        area_slug: slug,
        area_name: AREA_NAMES[slug] ?? slug,
        month,
        revenue_target: target,
        revenue_actual: actual,
        marketing_dedicated_fte: md,
        marketing_shared_fte: ms,
        sales_dedicated_fte: sd,
        sales_shared_fte: ss,
        hires_total: String(hires),
        hires_lead_owned: String(Math.floor(hires / 2)),
        decisions_total: String(decisions),
        decisions_central: String(Math.floor(decisions / 3)),
        shared_service_dependencies: String(dependencies),
        mandatory_processes: String(processes),
        approval_latency_days: latency,
        target_owner: owner,
      };
      return METRICS_CSV_COLUMNS.map((column) => values[column] ?? '');
    });

const validFile: fc.Arbitrary<CsvFile> = fc
  .integer({ min: 1, max: 4 })
  .chain((rows) => fc.tuple(...Array.from({ length: rows }, (_, index) => validRow(index))))
  .map((rows) => ({ header: [...METRICS_CSV_COLUMNS], rows }));

const DECIMAL_COLUMNS = METRICS_CSV_COLUMNS.filter((column) => /revenue|fte|latency/.test(column));
const COUNT_COLUMNS = METRICS_CSV_COLUMNS.filter((column) => /hires|decisions|dependencies|processes/.test(column));

const badValuesByColumn = (column: string): fc.Arbitrary<string> => {
  if (DECIMAL_COLUMNS.includes(column as (typeof DECIMAL_COLUMNS)[number])) {
    return fc.oneof(
      fc.constantFrom('-1', '-0.5', 'abc', '1,5', '1 000', '1e3', 'NaN', 'Infinity', '', '  ', '0x10', '1.2.3', '+5', '100000000000000', '99999999999999.5', '€100'),
      fc.integer({ min: 15, max: 400 }).map((zeros) => `1${'0'.repeat(zeros)}`),
      fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }).map(String),
    );
  }
  if (COUNT_COLUMNS.includes(column as (typeof COUNT_COLUMNS)[number])) {
    return fc.constantFrom('-1', '1.5', '2.0001', 'three', '', '2147483648', '9007199254740993', '1e2', '+3', '1,000');
  }
  switch (column) {
    case 'month':
      return fc.constantFrom('2024-13', '2024-1', '24-01', '2024-00', '', 'jan', '2024.01', '2024-01-15', '3/15/2024');
    case 'area_slug':
      return fc.oneof(fc.constantFrom('Own-Area', 'a', 'x'.repeat(65), 'own_area', 'own area', ''), fc.string({ maxLength: 10 }).filter((slug) => !isSlug(slug.trim())));
    case 'area_name':
      return fc.constantFrom('', '   ', 'N'.repeat(201), 'Own\u0000area');
    default:
      return fc.constantFrom('Area', 'both', '', 'centre', 'CENTRAL');
  }
};

type Breakage = { label: string; apply: (file: CsvFile) => void };

const pickRow = (file: CsvFile, index: number) => file.rows[index % file.rows.length] as CsvField[];
const columnIndex = (file: CsvFile, column: string) => file.header.findIndex((name) => name === column);

const badValueBreakage: fc.Arbitrary<Breakage> = fc
  .constantFrom(...METRICS_CSV_COLUMNS)
  .chain((column) => fc.tuple(fc.constant(column), badValuesByColumn(column), fc.nat()))
  .map(([column, value, row]) => ({
    label: `${column} = ${JSON.stringify(value.slice(0, 40))}`,
    apply: (file) => {
      const at = columnIndex(file, column);
      if (at >= 0) pickRow(file, row)[at] = value;
    },
  }));

const otherBreakages: fc.Arbitrary<Breakage>[] = [
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 50 }), fc.constantFrom(['hires_total', 'hires_lead_owned'], ['decisions_total', 'decisions_central'])).map(
    ([row, above, [totalColumn, partColumn]]) => ({
      label: `${partColumn} above ${totalColumn}`,
      apply: (file) => {
        const target = pickRow(file, row);
        const total = columnIndex(file, totalColumn as string);
        const part = columnIndex(file, partColumn as string);
        if (total >= 0 && part >= 0) {
          target[total] = '3';
          target[part] = String(3 + above);
        }
      },
    }),
  ),
  fc.constantFrom(...METRICS_CSV_COLUMNS).map((column) => ({
    label: `no ${column} column`,
    apply: (file) => {
      for (let at = columnIndex(file, column); at >= 0; at = columnIndex(file, column)) {
        file.header.splice(at, 1);
        for (const row of file.rows) row.splice(at, 1);
      }
    },
  })),
  fc.tuple(fc.constantFrom(...METRICS_CSV_COLUMNS), fc.constantFrom('upper', 'typo')).map(([column, how]) => ({
    label: `column ${column} misspelt (${how})`,
    apply: (file) => {
      const at = columnIndex(file, column);
      if (at >= 0) file.header[at] = how === 'upper' ? column.toUpperCase() : `${column}s`;
    },
  })),
  fc.tuple(fc.constantFrom(...METRICS_CSV_COLUMNS), fc.constantFrom('duplicate', 'unknown', 'unnamed')).map(([column, how]) => ({
    label: `an extra ${how} column`,
    apply: (file) => {
      file.header.push(how === 'duplicate' ? column : how === 'unknown' ? 'notes' : '');
      for (const row of file.rows) row.push('1');
    },
  })),
  fc.tuple(fc.nat(), fc.boolean()).map(([row, add]) => ({
    label: add ? 'a row with a value too many' : 'a row with a value missing',
    apply: (file) => {
      const target = pickRow(file, row);
      if (add) target.push('extra');
      else target.pop();
    },
  })),
  fc.nat().map((row) => ({ label: 'an area month twice', apply: (file) => void file.rows.push([...pickRow(file, row)]) })),
  fc.nat().map((row) => ({
    label: 'one area, two names',
    apply: (file) => {
      const copy = [...pickRow(file, row)];
      const name = columnIndex(file, 'area_name');
      const month = columnIndex(file, 'month');
      if (name >= 0) copy[name] = 'Another name';
      if (month >= 0) copy[month] = '2031-01';
      file.rows.push(copy);
    },
  })),
  fc
    .tuple(fc.nat(), fc.constantFrom(...METRICS_CSV_COLUMNS), fc.constantFrom('Pay"ments', '"Pay"ments', ' "Payments"'))
    .map(([row, column, raw]) => ({
      label: `broken quoting ${raw} in ${column}`,
      apply: (file) => {
        const at = columnIndex(file, column);
        if (at >= 0) pickRow(file, row)[at] = { raw };
      },
    })),
  fc.constant({ label: 'a quote never closed', apply: (file: CsvFile) => void file.rows.push([{ raw: '"never closed' }]) }),
];

/** A bad value is where a gap hides (one the parser lets through and the database refuses): as likely as all the rest. */
const breakage = fc.oneof(
  { arbitrary: badValueBreakage, weight: otherBreakages.length },
  ...otherBreakages.map((arbitrary) => ({ arbitrary, weight: 1 })),
);

interface CsvStyle {
  bom: boolean;
  eol: '\n' | '\r\n' | '\r';
  quoteAll: boolean;
  trailingEol: boolean;
  blankLines: boolean;
}

const csvStyle: fc.Arbitrary<CsvStyle> = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom<CsvStyle['eol']>('\n', '\r\n', '\r'),
  quoteAll: fc.boolean(),
  trailingEol: fc.boolean(),
  blankLines: fc.boolean(),
});

function writeCsv(file: CsvFile, style: CsvStyle, delimiter = ','): string {
  const field = (value: CsvField) => {
    if (typeof value !== 'string') return value.raw;
    return style.quoteAll || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  };
  const lines = [file.header, ...file.rows].map((record) => record.map(field).join(delimiter));
  const body = lines.join(style.blankLines ? `${style.eol}${style.eol}` : style.eol);
  return `${style.bom ? '\ufeff' : ''}${body}${style.trailingEol ? style.eol : ''}`;
}

/** One valid row, with one value just past what can be stored. */
function csvEdges(): BadRequest[] {
  const edges: [column: string, value: string][] = [
    ...DECIMAL_COLUMNS.map((column): [string, string] => [column, '100000000000000']),
    ...COUNT_COLUMNS.map((column): [string, string] => [column, '2147483648']),
    ['area_name', 'Own\u0000area'],
    ['area_name', 'N'.repeat(201)],
  ];
  return edges.map(([column, value]) => {
    const values: Record<string, string> = {
      ...Object.fromEntries(METRICS_CSV_COLUMNS.map((name) => [name, '1'])),
      area_slug: OWN_AREA,
      area_name: 'Own area',
      month: '2030-01',
      target_owner: 'area',
      [column]: value,
    };
    const file = { header: [...METRICS_CSV_COLUMNS], rows: [METRICS_CSV_COLUMNS.map((name) => values[name] ?? '')] };
    return {
      label: `edge of ${column}: ${JSON.stringify(value.slice(0, 20))}`,
      method: 'POST',
      path: '/api/v1/imports/metrics',
      contentType: 'text/csv',
      body: writeCsv(file, { bom: false, eol: '\n', quoteAll: false, trailingEol: true, blankLines: false }),
    };
  });
}

const INVALID_UTF8 = [[0xff], [0xfe], [0xc3, 0x28], [0xe9], [0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

/** Breakages change the file in place: each run works on its own copy, since fast-check replays values. */
const copyOf = (file: CsvFile): CsvFile => ({ header: [...file.header], rows: file.rows.map((row) => [...row]) });

const brokenFile = fc.tuple(validFile, fc.array(breakage, { minLength: 1, maxLength: 3 }), csvStyle).map(([valid, broken, style]) => {
  const file = copyOf(valid);
  for (const each of broken) each.apply(file);
  return { label: broken.map((each) => each.label).join('; '), body: writeCsv(file, style) };
});

const foreignSeparator = fc.tuple(validFile, csvStyle, fc.constantFrom(';', '\t')).map(([file, style, delimiter]) => ({
  label: `separated by ${JSON.stringify(delimiter)}`,
  body: writeCsv(file, style, delimiter),
}));

const notUtf8 = fc
  .tuple(validFile, csvStyle, fc.constantFrom(...INVALID_UTF8), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([file, style, bytes, where]) => {
    const encoded = new TextEncoder().encode(writeCsv(file, style));
    const at = Math.floor(where * encoded.length);
    return {
      label: `bytes ${bytes.map((byte) => byte.toString(16)).join(' ')} that are not UTF-8`,
      body: new Uint8Array([...encoded.slice(0, at), ...bytes, ...encoded.slice(at)]),
    };
  });

const utf16 = fc.tuple(validFile, csvStyle, fc.boolean()).map(([file, style, bom]) => {
  const text = writeCsv(file, style);
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) bytes[index * 2] = text.charCodeAt(index) & 0xff;
  return { label: `UTF-16${bom ? ' with its byte-order mark' : ''}`, body: bom ? new Uint8Array([0xff, 0xfe, ...bytes]) : bytes };
});

const emptyFile = fc
  .constantFrom('', '\ufeff', '\n\n', '\r\n', ' ', ',,,,', '\ufeff\r\n,,\r\n')
  .map((body) => ({ label: `an empty file ${JSON.stringify(body)}`, body }));

const wrongContentType = fc
  .tuple(validFile, csvStyle, fc.constantFrom(undefined, 'text/plain', 'application/json', 'application/vnd.ms-excel', 'multipart/form-data; boundary=x'))
  .map(([file, style, contentType]) => ({
    label: `a valid file sent as ${contentType ?? 'no content type'}`,
    body: writeCsv(file, style),
    contentType: contentType ?? null,
  }));

const badDryRun = fc.tuple(validFile, csvStyle, fc.constantFrom('maybe', 'TRUE', '1', '', 'yes')).map(([file, style, dryRun]) => ({
  label: `dryRun=${dryRun}`,
  path: `/api/v1/imports/metrics?dryRun=${encodeURIComponent(dryRun)}`,
  body: writeCsv(file, style),
}));

const weighted = (arbitrary: fc.Arbitrary<BadRequest>, weight: number) => ({ arbitrary, weight });

const csvFiles: fc.Arbitrary<BadRequest> = fc
  .oneof(
    weighted(brokenFile, 6),
    weighted(notUtf8, 2),
    ...[foreignSeparator, utf16, emptyFile, wrongContentType, badDryRun].map((arbitrary) => weighted(arbitrary, 1)),
  )
  .map((request) => ({ method: 'POST', path: '/api/v1/imports/metrics', contentType: 'text/csv', ...request }));

/** The same files sent to the import's background-job route, which must refuse them as at once. */
const toJobRoute = (request: BadRequest): BadRequest => ({ ...request, path: (request.path ?? '/api/v1/imports/metrics').replace('/api/v1/imports/metrics', '/api/v1/imports/metrics/jobs') });
const csvJobFiles = csvFiles.map(toJobRoute);

// ---------------------------------------------------------------------------------------------
// Revoking a token: no body, only the id

const tokenIds: fc.Arbitrary<BadRequest> = fc
  .tuple(
    fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '1', '00000000-0000-0000-0000-00000000000g', `${UNKNOWN_ID}x`), fc.string({ minLength: 1, maxLength: 40 })),
    fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  )
  .map(([id, body]) => ({
    label: `token ${id}`,
    method: 'DELETE',
    path: `/api/v1/tokens/${encodeURIComponent(id)}`,
    ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
  }));

/** Removing figures that are not there (a bad or unknown area or month), or with a stale If-Match. */
const removedMonths: fc.Arbitrary<BadRequest> = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constantFrom(OWN_AREA, 'no-such-area', 'Own-Area', 'x'), fc.string({ minLength: 1, maxLength: 30 })),
      fc.oneof(fc.constantFrom('2023-01', '2031-05', '1899-12', '2024-13', '2024-1', '0000-01'), fc.string({ minLength: 1, maxLength: 12 })),
    )
    .map(([slug, month]) => ({
      label: `figures of ${slug} ${month}`,
      method: 'DELETE',
      path: `/api/v1/areas/${encodeURIComponent(slug)}/months/${encodeURIComponent(month)}`,
    })),
  fc.constantFrom('"0"', '"999999"', 'W/"1"', 'garbage').map((ifMatch) => ({
    label: `a stale If-Match ${ifMatch}`,
    method: 'DELETE',
    path: `/api/v1/areas/${OWN_AREA}/months/${EXISTING_MONTH}`,
    headers: { 'if-match': ifMatch },
  })),
);

/**
 * Discarding or freezing again the fixture review, which has a decision (409), with no, a stale or
 * a malformed If-Match, or a review that is not there.
 */
function reviewRedos(method: 'DELETE' | 'POST', suffix: string): fc.Arbitrary<BadRequest> {
  return fc
    .tuple(
      fc.oneof(fc.constant(() => fixtures.reviewId), fc.constantFrom(UNKNOWN_ID, 'not-a-uuid', '1').map((id) => () => id)),
      fc.option(fc.constantFrom('"1"', '*', '"0"', '"999999"', 'W/"1"', 'garbage', '"1", "2"'), { nil: undefined }),
      fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    )
    .map(([id, ifMatch, body]) => ({
      label: `review ${id()} with If-Match ${ifMatch ?? '(none)'}`,
      method,
      path: `/api/v1/reviews/${id()}${suffix}`,
      ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
      ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
    }));
}
const reviewDiscards = reviewRedos('DELETE', '');
const reviewRefreezes = reviewRedos('POST', '/snapshot');

// ---------------------------------------------------------------------------------------------
// The check of every answer

let sent = 0;

async function expectRefusedAndNothingChanged(request: BadRequest): Promise<void> {
  const outcome = await harness.rollback(async () => {
    const headers: Record<string, string> = { ...request.headers };
    if (typeof request.contentType === 'string') headers['content-type'] = request.contentType;
    const response = await harness.request(request.path ?? '/', {
      method: request.method ?? 'POST',
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      as: fixtures.admin,
    });
    const body = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, after: await fingerprint(harness.db) };
  });
  sent++;
  const what = `${request.method} ${request.path}: ${request.label} → ${outcome.status} ${outcome.body.slice(0, 300)}`;
  expect(outcome.status >= 400 && outcome.status < 500, what).toBe(true);
  expect(outcome.contentType, what).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(outcome.body) as Problem;
  expect(problem, what).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), status: outcome.status, detail: expect.any(String) }),
  );
  for (const error of problem.errors ?? []) expect(error, what).toEqual(expect.objectContaining({ path: expect.any(String), message: expect.any(String) }));
  if (request.namesField) {
    expect(outcome.status, what).toBe(422);
    expect(problem.errors?.map((error) => error.path), what).toContain(request.namesField);
  }
  expect(outcome.after, `${what}\nchanged the database`).toEqual(fixtures.baseline);
}

function property(requests: fc.Arbitrary<BadRequest>, numRuns: number, edges: BadRequest[] = []): Promise<void> {
  return fc.assert(fc.asyncProperty(requests, expectRefusedAndNothingChanged), {
    numRuns,
    seed: SEED,
    examples: edges.map((edge): [BadRequest] => [edge]),
  });
}

// ---------------------------------------------------------------------------------------------

const CSV_RUNS = 450;
const CSV_JOB_RUNS = 150;
const DELETE_RUNS = 100;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes without a body to break: signing out ends the caller's own session; a rebuild takes no input. */
const WITHOUT_BODY = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/assessments/rebuild']);

describe(`bad input to every write route (seed ${SEED})`, () => {
  it('covers every write route of the OpenAPI document', async () => {
    const document = (await (await harness.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .map((method) => `${method.toUpperCase()} ${path}`)
        .filter((key) => WRITE_METHODS.has(key.split(' ')[0] as string)),
    );
    const fuzzed = [
      ...jsonRoutes.map(({ name }) => name),
      'POST /api/v1/imports/metrics',
      'POST /api/v1/imports/metrics/jobs',
      'DELETE /api/v1/tokens/{id}',
      'DELETE /api/v1/areas/{slug}/months/{month}',
      'DELETE /api/v1/reviews/{id}',
      'POST /api/v1/reviews/{id}/snapshot',
    ];
    expect(writes.filter((key) => !fuzzed.includes(key) && !WITHOUT_BODY.has(key)), 'add bad bodies for these routes').toEqual([]);
  });

  it.each(jsonRoutes.map(({ name, runs, route }) => [name, runs, route] as const))('%s: %i bad JSON bodies and the edges of each field', async (_name, runs, route) => {
    const built = route();
    await property(jsonBodies(built), runs, jsonEdges(built));
  });

  it(`POST /api/v1/imports/metrics: ${CSV_RUNS} broken CSV files and the edges of each column`, async () => {
    await property(csvFiles, CSV_RUNS, csvEdges());
  });

  it(`POST /api/v1/imports/metrics/jobs: ${CSV_JOB_RUNS} broken CSV files and the edges of each column`, async () => {
    await property(csvJobFiles, CSV_JOB_RUNS, csvEdges().map(toJobRoute));
  });

  it(`DELETE /api/v1/tokens/{id}: ${DELETE_RUNS} ids of no token`, async () => {
    await property(tokenIds, DELETE_RUNS);
  });

  it(`DELETE /api/v1/areas/{slug}/months/{month}: ${DELETE_RUNS} months that are not there, or stale`, async () => {
    await property(removedMonths, DELETE_RUNS);
  });

  it(`DELETE /api/v1/reviews/{id}: ${DELETE_RUNS} discards of a review with a decision, or of none, with any If-Match`, async () => {
    await property(reviewDiscards, DELETE_RUNS);
  });

  it(`POST /api/v1/reviews/{id}/snapshot: ${DELETE_RUNS} new snapshots of a review with a decision, or of none, with any If-Match`, async () => {
    await property(reviewRefreezes, DELETE_RUNS);
  });

  it('sent at least 2,000 bad requests', () => {
    expect(sent).toBeGreaterThanOrEqual(2_000);
  });
});

describe('cursors that are not ours (regressions: these were 500s)', () => {
  it.each([
    ['/api/v1/areas?cursor=AA', 'a NUL position'],
    ['/api/v1/users?cursor=AA', 'a NUL position'],
    [`/api/v1/signals?cursor=${Buffer.from('2024-01|x').toString('base64url')}`, 'a signal id that is not a uuid'],
    [`/api/v1/signals?cursor=${Buffer.from('yesterday|00000000-0000-4000-8000-000000000000').toString('base64url')}`, 'a month that is not one'],
  ])('%s (%s) → 422', async (path) => {
    const response = await harness.request(path, { as: fixtures.admin });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
