import { sessionUserSchema } from '@autonomy/contracts';
import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../context.ts';
import { jsonContent, problemResponses } from '../../errors/openapi.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  tags: ['Auth'],
  summary: 'The signed-in user',
  responses: { 200: jsonContent(sessionUserSchema, 'The signed-in user'), ...problemResponses(401) },
});

export function registerMe(app: App): void {
  app.openapi(route, (c) => {
    const { id, email, name, role, areaSlugs } = c.var.user;
    return c.json({ user: { id, email, name, role, areaSlugs } }, 200);
  });
}
