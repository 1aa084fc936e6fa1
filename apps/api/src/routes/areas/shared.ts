import type { Area } from '@autonomy/contracts';
import { type AreaWithLeads, type Database, getAreaBySlug } from '@autonomy/db';
import { requireArea } from '../../services/areas.ts';

export { requireArea };

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
