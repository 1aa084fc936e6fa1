/**
 * Whether every value a write sends (`undefined`: not sent) is already the stored one. Such a write
 * changes nothing and is answered as it stands: no new version to make other people's ETags stale,
 * no audit line, no recompute.
 */
export function holdsAlready<T extends object>(stored: T, sent: Partial<T>): boolean {
  return (Object.keys(sent) as (keyof T)[]).every((key) => sent[key] === undefined || sent[key] === stored[key]);
}
