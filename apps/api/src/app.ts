import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { App, AppDeps, AppEnv } from './context.ts';
import { handleError, validationHook } from './errors/handler.ts';
import { ApiError, problemResponse } from './errors/problem.ts';
import { authenticate } from './middleware/authenticate.ts';
import { limitBodySize } from './middleware/body-limit.ts';
import { refuseMalformedPath } from './middleware/malformed-path.ts';
import { noStore } from './middleware/no-store.ts';
import { requireUtf8Json } from './middleware/utf8-body.ts';
import { serveWebApp } from './middleware/web-app.ts';
import { registerAreaMonthRoutes } from './routes/area-months/index.ts';
import { registerListActionItems } from './routes/action-items/list.ts';
import { registerRebuildAssessments } from './routes/assessments/rebuild.ts';
import { registerAreaRoutes } from './routes/areas/index.ts';
import { registerListAuditEvents } from './routes/audit/list.ts';
import { registerAuthRoutes } from './routes/auth/index.ts';
import { registerDocsRoutes } from './routes/docs/index.ts';
import { registerExportMetrics } from './routes/exports/get.ts';
import { registerGetHealth } from './routes/health/get.ts';
import { registerImportJobs } from './routes/imports/jobs.ts';
import { registerImportMetrics } from './routes/imports/post.ts';
import { registerGetPortfolio } from './routes/portfolio/get.ts';
import { registerReviewRoutes } from './routes/reviews/index.ts';
import { registerSettingsRoutes } from './routes/settings/index.ts';
import { registerIncidentRoutes } from './routes/incidents/index.ts';
import { registerSignalRoutes } from './routes/signals/index.ts';
import { registerTargetRoutes } from './routes/targets/index.ts';
import { registerTokenRoutes } from './routes/tokens/index.ts';
import { registerUserRoutes } from './routes/users/index.ts';

const PUBLIC_V1_PATHS = new Set(['/api/v1/auth/login']);

/** Builds the whole application from its dependencies. It never listens: server.ts does. */
export function createApp(deps: AppDeps): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Charts and the docs page set inline styles; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', refuseMalformedPath);
  app.use('/api/v1/*', noStore);
  // Credentials first: a stranger's upload is refused with 401 before a byte of its body is read.
  app.use('/api/v1/*', async (c, next) => (PUBLIC_V1_PATHS.has(c.req.path) ? next() : authenticate(c, next)));
  app.use('/api/*', limitBodySize);
  app.use('/api/*', requireUtf8Json);

  registerGetHealth(app);
  registerDocsRoutes(app);
  registerAuthRoutes(app);
  registerTokenRoutes(app);
  registerUserRoutes(app);
  registerAreaRoutes(app);
  registerAreaMonthRoutes(app);
  registerTargetRoutes(app);
  registerImportMetrics(app);
  registerImportJobs(app);
  registerExportMetrics(app);
  registerGetPortfolio(app);
  registerListAuditEvents(app);
  registerSignalRoutes(app);
  registerIncidentRoutes(app);
  registerReviewRoutes(app);
  registerListActionItems(app);
  registerSettingsRoutes(app);
  registerRebuildAssessments(app);

  if (deps.webRoot) {
    const webApp = serveWebApp(deps.webRoot);
    app.use('*', async (c, next) => (c.req.path.startsWith('/api/') || c.req.path === '/api' ? next() : webApp(c, next)));
  }
  app.notFound((c) =>
    problemResponse(new ApiError('not_found', `There is no ${c.req.method} ${c.req.path}.`)),
  );
  return app;
}
