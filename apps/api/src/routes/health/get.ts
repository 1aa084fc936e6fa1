import { healthSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';
import { ApiError } from '../../errors/problem.ts';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['System'],
  summary: 'Whether the service and its database answer',
  // Open to monitors: no credentials, unlike the document's default.
  security: [],
  responses: {
    200: jsonContent(healthSchema, 'The service and its database are up'),
    ...problemResponses(503),
  },
});

const PING_TIMEOUT_MS = 3000;

export function registerGetHealth(app: App): void {
  app.openapi(route, async (c) => {
    const { database } = c.var.deps;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([database.ping(), timeout]);
    } catch (error) {
      throw new ApiError('unavailable', `The ${database.kind} database is unreachable: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    return c.json({ status: 'ok' as const, database: database.kind }, 200);
  });
}
