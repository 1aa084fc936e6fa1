import type { AreaMonth } from '@autonomy/contracts';
import type { AreaMonthRow } from '@autonomy/db';

export function toAreaMonth(areaSlug: string, row: AreaMonthRow): AreaMonth {
  const { id: _id, areaId: _areaId, updatedBy: _updatedBy, createdAt: _createdAt, updatedAt, ...figures } = row;
  return { areaSlug, ...figures, updatedAt: updatedAt.toISOString() };
}
