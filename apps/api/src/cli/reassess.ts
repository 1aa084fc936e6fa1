// `pnpm db:reassess`: rebuilds every stored assessment from the figures (on the database the
// environment names, as `pnpm start` would open it) and says what, if anything, had differed.
import { openConfiguredDatabase } from '../database.ts';
import { loadSettings } from '../env.ts';
import { rebuildAssessments } from '../services/assessments.ts';

async function main(): Promise<number> {
  const database = await openConfiguredDatabase(loadSettings());
  try {
    await database.migrate();
    const started = performance.now();
    const report = await rebuildAssessments(database.db, new Date());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Reassessed ${report.months.toLocaleString('en')} area months of ${report.areas.toLocaleString('en')} areas in ${seconds} s.`);
    if (report.differed === 0) {
      console.log('Every stored assessment matched the figures.');
    } else {
      console.log(`${report.differed.toLocaleString('en')} stored assessments differed and were rebuilt${report.differed > report.differences.length ? `; the first ${report.differences.length}` : ''}:`);
      for (const { areaSlug, month, problem } of report.differences) {
        const what = problem === 'missing' ? 'had no assessment' : problem === 'stale' ? 'had an assessment but no figures' : `differed in ${problem.join(', ')}`;
        console.log(`  ${areaSlug} ${month} ${what}`);
      }
    }
    console.log(`Signals: ${report.signalsRaised} raised, ${report.signalsRefreshed} refreshed, ${report.signalsCleared} cleared.`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Could not reassess: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
