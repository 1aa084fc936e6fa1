// What the assessments bench needs besides its measurements: the engines it runs on, the
// import file it sends, and the kernel's peak-RSS readings.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMetricsCsv } from '@autonomy/contracts';
import { type DatabaseHandle, openDatabase } from '@autonomy/db';
import { sql } from 'drizzle-orm';
import { toMonth } from './assessments-fixtures.ts';

/** Runs `work` on a migrated PostgreSQL database of its own on `serverUrl`, dropped afterwards (also on Ctrl-C). */
export async function withPostgres(serverUrl: string, work: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const name = `bench_assessments_${process.pid}`;
  const admin = await openDatabase({ kind: 'postgres', url: serverUrl, maxConnections: 1 });
  await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
  await admin.db.execute(sql.raw(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 10 });
  const drop = async () => {
    await handle.close().catch(() => {});
    await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
    await admin.close();
  };
  const interrupted = () => {
    void drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    await handle.migrate();
    await work(handle);
  } finally {
    process.off('SIGINT', interrupted);
    await drop();
  }
}

/**
 * Runs `work` on a migrated PGlite with its data directory in a temporary folder, removed
 * afterwards: the product's embedded database. (In memory, the stored rows themselves would
 * count in the process's RSS, and an import's memory could not be told from the data it wrote.)
 */
export async function withPglite(work: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-assessments-'));
  const handle = await openDatabase({ kind: 'embedded', dataDir });
  try {
    await handle.migrate();
    await work(handle);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Resets the kernel's peak-RSS mark of this process (Linux), so VmHWM measures one import. */
export function tryResetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function peakRssFromKernel(): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** `rows` rows of 100 months per area, in the import format; `version` shifts the figures so a second file changes every row. */
export function importCsv(rows: number, version: number): string {
  const months = 100;
  const areas = rows / months;
  const records = [];
  for (let area = 0; area < areas; area += 1) {
    for (let idx = 0; idx < months; idx += 1) {
      const drift = area % 5 === 0 ? (idx % 12) / 11 : 0; // as the seed: a yearly slide to the centre
      records.push({
        areaSlug: `imp-${String(area).padStart(5, '0')}`,
        areaName: `Imported ${area}`,
        month: toMonth(months - 1 - idx),
        revenueTarget: 1_000_000,
        revenueActual: 990_000 + ((area * 7919 + idx * 104_729) % 100_000) + version,
        marketingDedicatedFte: Math.round((4 - 3 * drift) * 10_000) / 10_000,
        marketingSharedFte: Math.round((1 + 3 * drift) * 10_000) / 10_000,
        salesDedicatedFte: 5,
        salesSharedFte: 1,
        hiresTotal: idx % 4 === 0 ? 0 : 3,
        hiresLeadOwned: idx % 4 === 0 ? 0 : Math.round(3 * (1 - drift)),
        decisionsTotal: idx % 6 === 0 ? 0 : 12,
        decisionsCentral: idx % 6 === 0 ? 0 : Math.round(2 + 8 * drift),
        sharedServiceDependencies: Math.round(1 + 5 * drift),
        mandatoryProcesses: Math.round(2 + 10 * drift),
        approvalLatencyDays: Math.round((2 + 10 * drift + version * 0.5) * 10_000) / 10_000,
        targetOwner: (drift > 0.5 ? 'central' : 'area') as 'central' | 'area',
      });
    }
  }
  return formatMetricsCsv(records);
}
