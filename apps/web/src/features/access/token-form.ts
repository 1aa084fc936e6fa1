import { createTokenSchema, type ApiToken, type FieldError } from '@autonomy/contracts';
import { asSentence, formatDateTime, formatIssueMessage } from '../../lib/format.ts';

/**
 * "My API tokens" as data: the name a new token is given, and how each token reads in the list.
 * The rule on the name (1–100 characters once trimmed) is the contract's own `createTokenSchema`.
 */

export type TokenNameCheck = { ok: true; name: string } | { ok: false; errors: string[] };

/**
 * The name for a new token. The API would call a nameless token "API token"; the form asks for a
 * name instead, because a list of tokens all called that cannot tell anyone which one to revoke.
 */
export function parseTokenName(text: string): TokenNameCheck {
  if (text.trim() === '') return { ok: false, errors: ['Name the token after what will use it, such as “CRM sync”.'] };
  const parsed = createTokenSchema.safeParse({ name: text });
  if (parsed.success) return { ok: true, name: parsed.data.name };
  return { ok: false, errors: parsed.error.issues.map((issue) => formatIssueMessage(issue)) };
}

/** The API's refusal of a new token: what belongs beside the name field, and the rest. */
export function placeTokenErrors(errors: readonly FieldError[]): { name: string[]; general: string[] } {
  const placed = { name: [] as string[], general: [] as string[] };
  for (const error of errors) {
    if (error.path.replace(/^body[./]/, '') === 'name') placed.name.push(asSentence(error.message));
    else placed.general.push(error.path ? `${error.path}: ${error.message}` : error.message);
  }
  return placed;
}

export function isRevoked(token: Pick<ApiToken, 'revokedAt'>): boolean {
  return token.revokedAt !== null;
}

/**
 * Working tokens first, newest first (the API's order), then the revoked ones: those are kept for
 * the record, and the reader mostly comes here to find a working one.
 */
export function orderTokensForList(tokens: readonly ApiToken[]): ApiToken[] {
  return [...tokens.filter((token) => !isRevoked(token)), ...tokens.filter(isRevoked)];
}

/** When the token was last sent, or that it never was. */
export function describeLastUse(token: Pick<ApiToken, 'lastUsedAt'>, timeZone?: string): string {
  return token.lastUsedAt === null ? 'Never used' : formatDateTime(token.lastUsedAt, timeZone);
}

export function describeTokenStatus(token: Pick<ApiToken, 'revokedAt'>, timeZone?: string): string {
  return token.revokedAt === null ? 'Active' : `Revoked ${formatDateTime(token.revokedAt, timeZone)}`;
}
