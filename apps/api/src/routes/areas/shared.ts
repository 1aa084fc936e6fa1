import type { Area } from '@autonomy/contracts';
import { type AreaWithLead, type Database, getAreaBySlug } from '@autonomy/db';
import { ApiError } from '../../errors/problem.ts';

export function toArea(row: AreaWithLead): Area {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    status: row.status,
    leadEmail: row.leadEmail,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function requireArea(db: Database, slug: string): Promise<AreaWithLead> {
  const area = await getAreaBySlug(db, slug);
  if (!area) throw new ApiError('not_found', `There is no area "${slug}".`);
  return area;
}
