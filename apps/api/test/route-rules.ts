import type { Action } from '../src/auth/authorize.ts';

/**
 * Which area a request concerns, as the route finds it before asking `can()`:
 * - `path`: the `{slug}` of the path;
 * - `csv`: the `area_slug` of each row of a text/csv body (every one must be allowed);
 * - `incident`: the area of the incident named by the path's `{id}`;
 * - `none`: the action is not about one area.
 */
export type AreaSource = 'path' | 'csv' | 'incident' | 'none';

/** One way to use a route, with the actions `can()` must allow, all of them, on the area found. */
export interface RouteUse {
  /** Set when the body or the target decides which actions apply, e.g. "lead or status". */
  readonly use?: string;
  /** Empty: any signed-in user (the route asks nothing of `can()`). */
  readonly actions: readonly Action[];
  readonly area: AreaSource;
}

export type RouteRule = { readonly access: 'public' } | { readonly access: 'protected'; readonly uses: readonly RouteUse[] };

/** "METHOD /path", as the OpenAPI document names an operation. */
export type OperationKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;

const open: RouteRule = { access: 'public' };

function needs(actions: readonly Action[], area: AreaSource = 'none'): RouteRule {
  return { access: 'protected', uses: [{ actions, area }] };
}

function dependsOnUse(...uses: (RouteUse & { use: string })[]): RouteRule {
  return { access: 'protected', uses };
}

/**
 * The rule of every operation in the OpenAPI document. The access matrix fails for an operation
 * without a rule here, and for a rule whose operation is gone: a new route cannot ship unchecked.
 * Reading needs `read`, which every role has; writing names the actions of auth/authorize.ts.
 */
export const routeRules: Readonly<Record<OperationKey, RouteRule>> = {
  'GET /api/health': open,
  'POST /api/v1/auth/login': open,
  'POST /api/v1/auth/logout': needs([]),
  'GET /api/v1/auth/me': needs([]),
  'POST /api/v1/auth/password': needs([]),

  'GET /api/v1/tokens': needs(['token.manage_own']),
  'POST /api/v1/tokens': needs(['token.create']),
  'DELETE /api/v1/tokens/{id}': dependsOnUse(
    { use: 'own token', actions: ['token.manage_own'], area: 'none' },
    { use: "another user's token", actions: ['token.manage_own', 'token.revoke_any'], area: 'none' },
  ),

  'GET /api/v1/users': needs(['user.list']),
  'POST /api/v1/users': needs(['user.create']),
  'PATCH /api/v1/users/{id}': needs(['user.update']),

  'GET /api/v1/areas': needs(['read']),
  'POST /api/v1/areas': needs(['area.create']),
  'GET /api/v1/areas/{slug}': needs(['read'], 'path'),
  'PATCH /api/v1/areas/{slug}': dependsOnUse(
    { use: 'name or description', actions: ['area.edit'], area: 'path' },
    { use: 'lead or status', actions: ['area.edit', 'area.administer'], area: 'path' },
  ),
  'GET /api/v1/areas/{slug}/history': needs(['read'], 'path'),
  'GET /api/v1/areas/{slug}/months/{month}': needs(['read'], 'path'),
  'PUT /api/v1/areas/{slug}/months/{month}': needs(['figures.write'], 'path'),
  'DELETE /api/v1/areas/{slug}/months/{month}': needs(['figures.write'], 'path'),
  'GET /api/v1/areas/{slug}/targets': needs(['read'], 'path'),
  'GET /api/v1/areas/{slug}/targets/changes': needs(['read'], 'path'),
  'POST /api/v1/areas/{slug}/targets': needs(['targets.write'], 'path'),

  'POST /api/v1/imports/metrics': needs(['metrics.import'], 'csv'),
  'POST /api/v1/imports/metrics/jobs': needs(['metrics.import'], 'csv'),
  'GET /api/v1/imports/jobs/{id}': dependsOnUse(
    { use: 'own job', actions: ['read'], area: 'none' },
    { use: "another user's job", actions: ['read', 'import.read_any'], area: 'none' },
  ),
  'GET /api/v1/exports/metrics': needs(['read']),
  'GET /api/v1/portfolio': needs(['read']),
  'GET /api/v1/audit': needs(['audit.read']),

  'GET /api/v1/signals': needs(['read']),
  'GET /api/v1/signals/{id}': needs(['read']),
  'PATCH /api/v1/signals/{id}': needs(['signal.manage']),
  'GET /api/v1/incidents': needs(['read']),
  'POST /api/v1/incidents/decisions': needs(['signal.manage']),
  'GET /api/v1/incidents/{id}': needs(['read']),
  'PATCH /api/v1/incidents/{id}': needs(['signal.manage']),
  'POST /api/v1/incidents/{id}/comments': needs(['signal.comment'], 'incident'),

  'GET /api/v1/reviews': needs(['read']),
  'POST /api/v1/reviews': needs(['review.manage']),
  'GET /api/v1/reviews/{id}': needs(['read']),
  'PATCH /api/v1/reviews/{id}': needs(['review.manage']),
  'DELETE /api/v1/reviews/{id}': needs(['review.discard']),
  'POST /api/v1/reviews/{id}/snapshot': needs(['review.refreeze']),
  'POST /api/v1/reviews/{id}/decisions': needs(['review.manage']),
  'POST /api/v1/reviews/{id}/action-items': needs(['review.manage']),
  'PATCH /api/v1/reviews/{id}/action-items/{itemId}': dependsOnUse(
    { use: "own item's status or note", actions: ['action_item.update_own'], area: 'none' },
    { use: "own item's due date", actions: ['action_item.update_own', 'action_item.update'], area: 'none' },
    { use: "another user's item", actions: ['action_item.update'], area: 'none' },
  ),
  'GET /api/v1/action-items': needs(['read']),

  'GET /api/v1/settings': needs(['read']),
  'PUT /api/v1/settings': needs(['settings.write']),
  'POST /api/v1/assessments/rebuild': needs(['assessments.rebuild']),
};

/** Served without credentials but outside the OpenAPI document (it is the document, or shows it). */
export const undocumentedPublicPaths = ['/api/openapi.json', '/api/docs'] as const;

/** How a use of an operation is named in test titles and in the request table. */
export function useKey(operation: string, use: RouteUse): string {
  return use.use ? `${operation} (${use.use})` : operation;
}
