import type { Role } from '@autonomy/contracts';
import type { DatabaseHandle } from '@autonomy/db';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { LoginThrottle } from './auth/login-throttle.ts';

/** What the app is built from; tests hand in a test database instead of mocking modules. */
export interface AppDeps {
  database: DatabaseHandle;
  /** The built dashboard (apps/web/dist); without it only the API is served. */
  webRoot?: string;
  /** The clock, so tests can move time (session expiry) without sleeping. */
  now?: () => Date;
  /** Sign-in limits; each app gets its own in-memory one unless a test hands one in. */
  loginThrottle?: LoginThrottle;
  /**
   * Reverse proxies in front of the server (TRUST_PROXY) whose X-Forwarded-For entries are
   * believed; 0, the default, believes none and takes the socket's address.
   */
  trustedProxies?: number;
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Slugs of the areas this user leads. */
  areaSlugs: string[];
  via: 'session' | 'token';
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Set by the authentication middleware on every /api/v1 route but sign-in. */
    user: AuthenticatedUser;
  };
}

export type App = OpenAPIHono<AppEnv>;
