import { type AuditActor, type Database, lockSettingsForChange, putSetting, recordAuditEvent } from '@autonomy/db';
import type { DriftSettings } from '@autonomy/domain';
import { reassess } from './assessments.ts';
import { DRIFT_SETTINGS_KEY, loadDriftSettings } from './drift-settings.ts';
import { type ExpectedVersions, stale, versionAccepted } from './errors.ts';

/**
 * Replaces the drift settings, if still at a version the admin read, and reassesses every area
 * under them in the same transaction. Takes the settings lock first, so no figure write can
 * assess under the old settings once this has begun (ADR 0004). Returns the new version, and how
 * many area months were reassessed.
 */
export async function replaceDriftSettings(
  db: Database,
  request: { settings: DriftSettings; expected: ExpectedVersions; actor: AuditActor; now: Date },
): Promise<{ version: number; monthsReassessed: number }> {
  const { settings, expected, actor, now } = request;
  return db.transaction(async (tx) => {
    await lockSettingsForChange(tx);
    const before = await loadDriftSettings(tx);
    if (!versionAccepted(expected, before)) {
      throw stale(`The settings changed since you read them (now "${before.version}"); reload and apply your change again.`);
    }
    // `*` and no If-Match ask for no particular version.
    const expectedVersion = expected === undefined || expected === '*' ? undefined : before.version;
    const stored = await putSetting(tx, DRIFT_SETTINGS_KEY, settings, now, expectedVersion);
    if (!stored) throw stale('Another admin changed the settings at the same moment; reload and apply your change again.');
    const { areas, months, raised, refreshed, cleared } = await reassess(tx, 'all', now);
    await recordAuditEvent(tx, {
      actor,
      action: 'settings.updated',
      subject: 'drift',
      before: before.settings,
      after: { ...settings, recomputed: { areas, months, raised, refreshed, cleared } },
    });
    return { version: (await loadDriftSettings(tx)).version, monthsReassessed: months };
  });
}
