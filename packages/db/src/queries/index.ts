export * from './users.ts';
export * from './areas.ts';
export * from './area-months.ts';
export * from './audit.ts';
