import { type Database, getUserByEmail } from '@autonomy/db';
import { ApiError } from '../../errors/problem.ts';

/** The user named as an area's lead must exist and have the area_lead (or admin) role. */
export async function resolveLead(db: Database, leadEmail: string | null | undefined): Promise<string | null | undefined> {
  if (leadEmail === undefined || leadEmail === null) return leadEmail;
  const lead = await getUserByEmail(db, leadEmail);
  if (!lead) {
    throw new ApiError('invalid_input', `There is no user ${leadEmail}.`, [{ path: 'leadEmail', message: 'must name an existing user' }]);
  }
  if (lead.role !== 'area_lead' && lead.role !== 'admin') {
    throw new ApiError('invalid_input', `${leadEmail} is a ${lead.role}, not an area lead.`, [
      { path: 'leadEmail', message: 'must name a user with the area_lead role' },
    ]);
  }
  return lead.id;
}
