import type { App } from '../../context.ts';
import { registerRevokeToken } from './delete.ts';
import { registerListTokens } from './list.ts';
import { registerCreateToken } from './post.ts';

export function registerTokenRoutes(app: App): void {
  registerListTokens(app);
  registerCreateToken(app);
  registerRevokeToken(app);
}
