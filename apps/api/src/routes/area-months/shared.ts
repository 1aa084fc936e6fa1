import type { AreaMonth, AreaMonthFigures } from '@autonomy/contracts';
import type { AreaMonthRow } from '@autonomy/db';

export function toAreaMonth(areaSlug: string, row: AreaMonthRow): AreaMonth {
  const { id: _id, areaId: _areaId, updatedBy: _updatedBy, createdAt: _createdAt, updatedAt, ...figures } = row;
  return { areaSlug, ...figures, updatedAt: updatedAt.toISOString() };
}

/** Whether the stored month already holds exactly these figures. */
export function holdsFigures(row: AreaMonthRow, figures: AreaMonthFigures): boolean {
  return (Object.keys(figures) as (keyof AreaMonthFigures)[]).every((key) => row[key] === figures[key]);
}
