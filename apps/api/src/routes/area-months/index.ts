import type { App } from '../../context.ts';
import { registerDeleteAreaMonth } from './delete.ts';
import { registerGetAreaMonth } from './get.ts';
import { registerPutAreaMonth } from './put.ts';

export function registerAreaMonthRoutes(app: App): void {
  registerGetAreaMonth(app);
  registerPutAreaMonth(app);
  registerDeleteAreaMonth(app);
}
