import { type AreaWithLeads, type Database, getAreaBySlug } from '@autonomy/db';
import { ServiceError } from './errors.ts';

export async function requireArea(db: Database, slug: string): Promise<AreaWithLeads> {
  const area = await getAreaBySlug(db, slug);
  if (!area) throw new ServiceError('not_found', `There is no area "${slug}".`);
  return area;
}
