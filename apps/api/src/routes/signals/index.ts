import type { App } from '../../context.ts';
import { registerGetSignal } from './get.ts';
import { registerListSignals } from './list.ts';
import { registerUpdateSignal } from './patch.ts';

export function registerSignalRoutes(app: App): void {
  registerListSignals(app);
  registerGetSignal(app);
  registerUpdateSignal(app);
}
