/** A copy of `record` without the given keys (a form's errors once their fields are edited). */
export function without<T extends object>(record: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key))) as T;
}
