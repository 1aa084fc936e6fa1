import { type AreaWithLeads, type Database, getAreaBySlug, lockAreaBySlug } from '@autonomy/db';
import { ServiceError } from './errors.ts';

export async function requireArea(db: Database, slug: string): Promise<AreaWithLeads> {
  const area = await getAreaBySlug(db, slug);
  if (!area) throw new ServiceError('not_found', `There is no area "${slug}".`);
  return area;
}

/** The area, locked until the transaction ends: writers of one area's figures take turns. */
export async function requireLockedArea(db: Database, slug: string): Promise<{ id: string }> {
  const area = await lockAreaBySlug(db, slug);
  if (!area) throw new ServiceError('not_found', `There is no area "${slug}".`);
  return area;
}
