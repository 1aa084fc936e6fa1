/** The rows of a raw statement: `execute` answers with the rows themselves on postgres.js and with `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
