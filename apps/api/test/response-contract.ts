import type { App } from '../src/context.ts';

/**
 * Every answer a test receives is checked against what the OpenAPI document promises for that
 * route and status: the status must be documented, and a JSON body must parse with the very zod
 * schema the document was generated from. Cheap insurance against drift between code and docs,
 * run by every API test instead of by a separate suite.
 */

interface BodySchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

interface DocumentedRoute {
  method: string;
  path: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema?: BodySchema }> }>;
}

interface RouteDefinition {
  type: string;
  route?: { method: string; path: string; responses: DocumentedRoute['responses'] };
}

export class ResponseContract {
  private readonly routes: DocumentedRoute[];

  constructor(app: App) {
    const definitions = app.openAPIRegistry.definitions as readonly RouteDefinition[];
    this.routes = definitions
      .flatMap((definition) => (definition.type === 'route' && definition.route ? [definition.route] : []))
      .map(({ method, path, responses }) => ({
        method: method.toUpperCase(),
        path,
        pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        responses,
      }));
  }

  /** What is wrong with the answer, or null when it is what the document says. Routes outside the document are not checked. */
  async breach(method: string, url: string, response: Response): Promise<string | null> {
    const path = new URL(url, 'http://test').pathname;
    const route = this.routes.find((candidate) => candidate.method === method.toUpperCase() && candidate.pattern.test(path));
    if (!route) return null;
    const where = `${method.toUpperCase()} ${route.path} answered ${response.status}`;
    const documented = route.responses[String(response.status)];
    if (!documented) return `${where}, a status its OpenAPI entry does not list (${Object.keys(route.responses).join(', ')})`;
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!mediaType.endsWith('json')) return null;
    const schema = documented.content?.[mediaType]?.schema;
    if (!schema) return `${where} with ${mediaType}, which its OpenAPI entry does not document for that status`;
    const parsed = schema.safeParse(await response.clone().json());
    if (parsed.success) return null;
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    return `${where} with a body that breaks its documented schema: ${issues.join('; ')}`;
  }
}
