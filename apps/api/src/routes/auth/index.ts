import type { App } from '../../context.ts';
import { registerLogin } from './login.ts';
import { registerLogout } from './logout.ts';
import { registerMe } from './me.ts';

export function registerAuthRoutes(app: App): void {
  registerLogin(app);
  registerLogout(app);
  registerMe(app);
}
