import type { App } from '../../context.ts';
import { registerListTargetChanges } from './changes.ts';
import { registerGetTargets } from './get.ts';
import { registerChangeTargets } from './post.ts';

export function registerTargetRoutes(app: App): void {
  registerGetTargets(app);
  registerListTargetChanges(app);
  registerChangeTargets(app);
}
