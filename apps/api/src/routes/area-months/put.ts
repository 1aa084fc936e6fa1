import { areaMonthFiguresSchema, areaMonthParamsSchema, areaMonthSchema, monthNotBegunMessage } from '@autonomy/contracts';
import { monthOf } from '@autonomy/domain';
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { ifMatchHeaders, jsonBody, jsonContentWithEtag, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';
import { toAreaMonth } from '../../services/area-month-response.ts';
import { authorizeOnArea } from '../areas/shared.ts';
import { writeFigures } from '../../services/figures.ts';
import { etagOf, parseIfMatch } from '../etag.ts';

const route = createRoute({
  method: 'put',
  path: '/api/v1/areas/{slug}/months/{month}',
  tags: ['Figures'],
  summary:
    "Write one area's figures for one month (up to the current month); send If-Match with the ETag you read (or If-None-Match: * to create only) so nobody's change is overwritten",
  request: {
    params: areaMonthParamsSchema,
    headers: ifMatchHeaders.extend({ 'if-none-match': z.literal('*').optional() }),
    body: jsonBody(areaMonthFiguresSchema),
  },
  responses: {
    200: jsonContentWithEtag(areaMonthSchema, 'The figures were replaced'),
    201: jsonContentWithEtag(areaMonthSchema, 'The figures were created'),
    ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
  },
});

export function registerPutAreaMonth(app: App): void {
  app.openapi(route, async (c) => {
    const actor = c.var.user;
    const { slug, month } = c.req.valid('param');
    const figures = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    const { now = () => new Date() } = c.var.deps;
    const currentMonth = monthOf(now());
    if (month > currentMonth) {
      throw new ApiError('invalid_input', `${month} has not begun yet; figures can be kept for months up to ${currentMonth}.`, [
        { path: 'path.month', message: monthNotBegunMessage('month', month, currentMonth) },
      ]);
    }
    await authorizeOnArea(c.var.deps.database.db, actor, 'figures.write', slug);

    const result = await writeFigures(c.var.deps.database.db, {
      slug,
      month,
      figures,
      expected: ifMatch === undefined ? undefined : parseIfMatch(ifMatch),
      createOnly: c.req.header('if-none-match') === '*',
      actor,
      now: now(),
    });
    c.header('ETag', etagOf(result.row));
    const body = toAreaMonth(slug, result.row);
    return result.outcome === 'created' ? c.json(body, 201) : c.json(body, 200);
  });
}
