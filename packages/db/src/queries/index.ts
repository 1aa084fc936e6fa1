export * from './users.ts';
export * from './api-tokens.ts';
export * from './areas.ts';
export * from './area-months.ts';
export * from './audit.ts';
export * from './signals.ts';
export * from './settings.ts';
export * from './targets.ts';
