import type { DatabaseHandle } from '@autonomy/db';

/** From this many rows written (or rolled back: a check leaves dead rows too) a write counts as bulk. */
export const BULK_WRITE_ROWS = 10_000;

/**
 * After a committed write of many rows, lets the engine catch up where it does not by itself
 * (`DatabaseHandle.afterBulkWrite`). Not awaited by the caller's answer, and never its failure:
 * the write itself has committed.
 */
export function afterBulkWrite(database: DatabaseHandle, rows: number): void {
  if (rows < BULK_WRITE_ROWS) return;
  database.afterBulkWrite().catch((error: unknown) => console.error('tidying up after a bulk write failed:', error));
}
