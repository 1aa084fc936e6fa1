import type { Role } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { formatRole } from '../../lib/format.ts';
import { ROLE_DESCRIPTIONS, ROLES } from './user-form.ts';

/** The role menu, with what the chosen role may do; for a new account and for a change of role. */
export function RoleField({ id, value, errors, onChange }: { id: string; value: Role; errors: string[]; onChange: (role: Role) => void }) {
  return (
    <Field id={id} label="Role" hint={ROLE_DESCRIPTIONS[value]} errors={errors} data-field="role">
      <select
        id={id}
        value={value}
        {...describeInput(id, errors)}
        onChange={(event) => onChange(ROLES.find((role) => role === event.target.value) ?? value)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {formatRole(role)}
          </option>
        ))}
      </select>
    </Field>
  );
}
