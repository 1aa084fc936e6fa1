import type { App } from '../../context.ts';
import { registerGetArea } from './get.ts';
import { registerAreaHistory } from './history.ts';
import { registerListAreas } from './list.ts';
import { registerUpdateArea } from './patch.ts';
import { registerCreateArea } from './post.ts';

export function registerAreaRoutes(app: App): void {
  registerListAreas(app);
  registerCreateArea(app);
  registerGetArea(app);
  registerUpdateArea(app);
  registerAreaHistory(app);
}
