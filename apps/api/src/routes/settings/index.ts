import type { App } from '../../context.ts';
import { registerGetSettings } from './get.ts';
import { registerPutSettings } from './put.ts';

export function registerSettingsRoutes(app: App): void {
  registerGetSettings(app);
  registerPutSettings(app);
}
