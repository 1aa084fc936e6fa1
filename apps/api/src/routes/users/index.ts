import type { App } from '../../context.ts';
import { registerListUsers } from './list.ts';
import { registerUpdateUser } from './patch.ts';
import { registerCreateUser } from './post.ts';

export function registerUserRoutes(app: App): void {
  registerListUsers(app);
  registerCreateUser(app);
  registerUpdateUser(app);
}
