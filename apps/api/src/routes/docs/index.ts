import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type { App } from '../../context.ts';
import { ApiError } from '../../errors/problem.ts';
import { readStaticFile } from '../../static-files.ts';

// Swagger UI comes from the npm registry with the app, so the docs work offline and under a strict CSP.
const swaggerUiRoot = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const docsPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Autonomy dashboard API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

const initScript = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;

export function registerDocsRoutes(app: App): void {
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Autonomy dashboard API',
      version: '0.1.0',
      description:
        'Autonomous product areas, their monthly figures, ownership and centralisation indices, and Chipotle drift. ' +
        'Errors are application/problem+json (RFC 9457), also for requests the HTTP parser refuses and paths with a malformed %-escape (404). ' +
        'JSON bodies are UTF-8 (anything else is a 400); text fields must be well-formed Unicode (a lone UTF-16 surrogate is a 422 naming the field). ' +
        'Every answer under /api/v1 carries Cache-Control: no-store. Sign in for a session cookie, or send a personal API token as a Bearer token.',
    },
    security: [{ session: [] }, { bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'autonomy_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.get('/api/docs', (c) => c.html(docsPage));
  app.get('/api/docs/init.js', (c) => c.body(initScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/assets/:file', async (c) => {
    const file = await readStaticFile(swaggerUiRoot, c.req.param('file'));
    if (!file) throw new ApiError('not_found', 'No such docs asset.');
    return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.contentType, 'Cache-Control': 'public, max-age=86400' });
  });
}
