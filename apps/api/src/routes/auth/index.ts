import { createLoginThrottle } from '../../auth/login-throttle.ts';
import type { App } from '../../context.ts';
import { registerLogin } from './login.ts';
import { registerLogout } from './logout.ts';
import { registerMe } from './me.ts';
import { registerChangePassword } from './password.ts';

export function registerAuthRoutes(app: App): void {
  // One per app, so every app (and every test file's app) has its own counts; a wrong current
  // password counts as a failed sign-in, so the password change is no way around the limit.
  const throttle = createLoginThrottle();
  registerLogin(app, throttle);
  registerLogout(app);
  registerMe(app);
  registerChangePassword(app, throttle);
}
