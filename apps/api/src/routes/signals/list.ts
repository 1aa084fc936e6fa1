import { monthSchema, signalIdParamsSchema, signalListSchema, signalQuerySchema } from '@autonomy/contracts';
import { listSignals } from '@autonomy/db';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { toSignal } from './shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/signals',
  tags: ['Signals'],
  summary: 'Findings (Chipotle drift, ownership erosion, revenue miss) of active areas, newest month first',
  request: { query: signalQuerySchema },
  responses: { 200: jsonContent(signalListSchema, 'A page of signals'), ...problemResponses(401, 422) },
});

export function registerListSignals(app: App): void {
  app.openapi(route, async (c) => {
    const { limit, cursor, month, area, severity, status, kind } = c.req.valid('query');
    const rows = await listSignals(c.var.deps.database.db, {
      month,
      areaSlug: area,
      severity,
      status,
      kind,
      after: cursor === undefined ? undefined : parseSignalCursor(decodeCursor(cursor)),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor(`${last.month}|${last.id}`) : null;
    return c.json({ items: page.map(toSignal), nextCursor }, 200);
  });
}

function parseSignalCursor(position: string): { month: string; id: string } {
  const [month, id] = position.split('|');
  // The id is compared with a uuid column: a cursor that is not ours must fail here, not in the query.
  const ours = monthSchema.safeParse(month).success && signalIdParamsSchema.shape.id.safeParse(id).success;
  if (!ours || month === undefined || id === undefined) {
    throw new ApiError('invalid_input', 'The cursor is not one this API gave out.', [{ path: 'query.cursor', message: 'is not a valid cursor' }]);
  }
  return { month, id };
}
