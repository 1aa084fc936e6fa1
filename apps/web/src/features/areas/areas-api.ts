import { areaSchema, type Area, type CreateArea } from '@autonomy/contracts';
import { sendForJson } from '../../lib/http.ts';

/** Admins only: a new area, with its lead when one is named (`POST /api/v1/areas`). */
export function createArea(area: CreateArea): Promise<Area> {
  return sendForJson('/api/v1/areas', areaSchema, {
    method: 'POST',
    body: JSON.stringify(area),
    contentType: 'application/json',
  });
}
