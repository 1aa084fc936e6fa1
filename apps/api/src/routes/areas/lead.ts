import type { FieldError } from '@autonomy/contracts';
import { type Database, getUserByEmail } from '@autonomy/db';
import { ApiError } from '../../errors/problem.ts';

/**
 * The leads a create or change names, as user ids: `leadEmail` names one (null: none),
 * `leadEmails` the whole set; undefined when the request leaves the leads as they are.
 * Everyone named must be an active user with the area_lead (or admin) role.
 */
export async function resolveLeads(
  db: Database,
  request: { leadEmail?: string | null; leadEmails?: string[] },
): Promise<string[] | undefined> {
  const named =
    request.leadEmails?.map((email, index) => ({ email, path: `leadEmails.${index}` })) ??
    (request.leadEmail === undefined ? undefined : request.leadEmail === null ? [] : [{ email: request.leadEmail, path: 'leadEmail' }]);
  if (!named) return undefined;

  const ids: string[] = [];
  const errors: FieldError[] = [];
  for (const { email, path } of named) {
    const user = await getUserByEmail(db, email);
    if (!user) errors.push({ path, message: `there is no user ${email}` });
    else if (!user.active) errors.push({ path, message: `${email} is deactivated; reactivate them first` });
    else if (user.role !== 'area_lead' && user.role !== 'admin') {
      errors.push({ path, message: `${email} is a ${user.role}; a lead needs the area_lead role` });
    } else ids.push(user.id);
  }
  if (errors.length > 0) throw new ApiError('invalid_input', 'Every lead must be an existing user with the area_lead role.', errors);
  return ids;
}
