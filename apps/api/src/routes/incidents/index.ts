import type { App } from '../../context.ts';
import { registerCommentOnIncident } from './comment.ts';
import { registerDecideIncidents } from './decide-many.ts';
import { registerGetIncident } from './get.ts';
import { registerListIncidents } from './list.ts';
import { registerDecideIncident } from './patch.ts';

export function registerIncidentRoutes(app: App): void {
  registerListIncidents(app);
  registerDecideIncidents(app);
  registerGetIncident(app);
  registerDecideIncident(app);
  registerCommentOnIncident(app);
}
