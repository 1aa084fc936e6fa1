import { healthDownSchema, healthSchema } from '@autonomy/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { databaseUnavailable } from '../../errors/handler.ts';
import { jsonContent } from '../../errors/openapi.ts';
import { problemContentType } from '../../errors/problem.ts';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['System'],
  summary: 'Whether the service and its database answer',
  // Open to monitors: no credentials, unlike the document's default.
  security: [],
  responses: {
    200: jsonContent(healthSchema, 'The service and its database are up'),
    503: {
      description: 'The database is unreachable (`database: "down"`); ask again after Retry-After seconds',
      content: { [problemContentType]: { schema: healthDownSchema } },
      headers: z.object({ 'Retry-After': z.string() }),
    },
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
      throw databaseUnavailable(`The ${database.kind} database is unreachable: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    return c.json({ status: 'ok' as const, database: database.kind }, 200);
  });
}
