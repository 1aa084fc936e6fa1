import type { Area } from '@autonomy/contracts';
import { type AreaWithLeads, type Database, getAreaBySlug } from '@autonomy/db';
import { type Action, authorize, can } from '../../auth/authorize.ts';
import type { AuthenticatedUser } from '../../context.ts';
import { requireArea } from '../../services/areas.ts';

export { requireArea };

/**
 * Refuses a write on an area the user may not change: 404 when there is no such area, else 403.
 * Allowed users go straight on (the service finds the area, and answers 404, in its transaction),
 * so the common case costs no query here.
 */
export async function authorizeOnArea(db: Database, user: AuthenticatedUser, action: Action, slug: string): Promise<void> {
  if (can(user, action, slug)) return;
  const area = await requireArea(db, slug);
  authorize(user, action, slug, area.name);
}

export function toArea(row: AreaWithLeads): Area {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    status: row.status,
    leadEmail: row.leadEmails[0] ?? null,
    leadEmails: row.leadEmails,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The area as it stands after a write in the same transaction. */
export async function reloadArea(db: Database, slug: string): Promise<AreaWithLeads> {
  const area = await getAreaBySlug(db, slug);
  if (!area) throw new Error(`area ${slug} vanished within its own transaction`);
  return area;
}
