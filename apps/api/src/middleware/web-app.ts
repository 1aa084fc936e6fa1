import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { readStaticFile } from '../static-files.ts';

/**
 * Serves the built dashboard: its files, and index.html for any other page path so the
 * client-side router can take over. Vite fingerprints /assets/*, so those may be cached for good.
 */
export function serveWebApp(webRoot: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    const file = (await readStaticFile(webRoot, path)) ?? (await readStaticFile(webRoot, '/index.html'));
    if (!file) return next();
    const immutable = path.startsWith('/assets/');
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.contentType,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}
