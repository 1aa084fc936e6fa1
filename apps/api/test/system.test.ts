import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, problemOf } from './harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await Harness.start();
});
afterAll(() => harness.stop());

describe('GET /api/health', () => {
  it('reports the database kind without signing in', async () => {
    const response = await harness.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'embedded' });
  });

  it('answers 503 problem+json when the database is unreachable', async () => {
    const { openDatabase } = await import('@autonomy/db');
    const { createApp } = await import('../src/app.ts');
    // Nothing listens on port 1: the driver is refused at once.
    const unreachable = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      const app = createApp({ database: unreachable });
      const response = await app.request('/api/health');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const problem = await problemOf(response);
      expect(problem.detail).toMatch(/unreachable/);
      expect(problem).toMatchObject({ database: 'down' });
      // A data route too (its credentials are checked against the database first): 503, not 500.
      const data = await app.request('/api/v1/areas', { headers: { authorization: 'Bearer not-checked-yet' } });
      expect(data.status).toBe(503);
      expect(data.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await problemOf(data)).toMatchObject({ status: 503, database: 'down' });
    } finally {
      await unreachable.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents every route of the public interface, with problem responses', async () => {
    const response = await harness.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/v1/auth/login',
        'POST /api/v1/tokens',
        'POST /api/v1/users',
        'GET /api/v1/areas',
        'POST /api/v1/areas',
        'GET /api/v1/areas/{slug}',
        'PATCH /api/v1/areas/{slug}',
        'GET /api/v1/areas/{slug}/months/{month}',
        'PUT /api/v1/areas/{slug}/months/{month}',
        'POST /api/v1/imports/metrics',
        'GET /api/v1/exports/metrics',
        'GET /api/v1/portfolio',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/areas/{slug}/months/{month}']?.put?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '201', '412', '422']),
    );
  });

  it('renders the document at /api/docs from assets served here', async () => {
    const page = await harness.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const script = await harness.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await harness.request('/api/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});

describe('errors and headers', () => {
  it('answers unknown /api routes with a problem+json 404, not HTML', async () => {
    for (const path of ['/api/nothing', '/api/v2/areas', '/api']) {
      const response = await harness.request(path);
      expect(response.status, path).toBe(404);
      expect((await problemOf(response)).type).toBe('/problems/not-found');
    }
  });

  it('sends secure headers with a strict content security policy', async () => {
    const response = await harness.request('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
  });
});
