import type { SettingsResponse } from '@autonomy/contracts';
import { countOf, formatDateTime } from '../../lib/format.ts';
import { settingsDifferences, type SettingsFormValues } from './settings-form.ts';

/**
 * Shown when a save is refused because another admin saved the settings after this form was
 * filled in. Nothing of mine was written and my values stay in the form: the reader sees where
 * theirs differ, then saves again (over theirs, knowingly) or takes theirs.
 */
export function SettingsConflictNotice({ latest, values, onUseTheirs }: {
  /** The settings as saved now. */
  latest: SettingsResponse;
  /** The form's values, as typed: the comparison follows the reader's edits. */
  values: SettingsFormValues;
  onUseTheirs: () => void;
}) {
  const differences = settingsDifferences(values, latest.settings);
  const when = latest.updatedAt ? ` (${formatDateTime(latest.updatedAt)})` : '';
  return (
    <div className="notice notice--error settings-conflict" role="alert">
      <p>
        <span className="notice__title">Not saved:</span> another admin changed the settings meanwhile{when}. Your values
        are still in the form.{' '}
        {differences.length === 0
          ? 'They now match what is saved.'
          : `${countOf(differences.length, 'setting')} ${differences.length === 1 ? 'differs' : 'differ'} from what is saved:`}
      </p>
      {differences.length > 0 && (
        <ul className="notice__list">
          {differences.map((difference) => (
            <li key={difference.path} data-path={difference.path}>
              {difference.label}: saved <strong>{difference.theirs}</strong>, yours <strong>{difference.yours || '(empty)'}</strong>
            </li>
          ))}
        </ul>
      )}
      <p>Look again, then save yours or use theirs.</p>
      <div className="button-row">
        <button type="button" className="button button--small" onClick={onUseTheirs}>
          Use the saved settings
        </button>
      </div>
    </div>
  );
}
