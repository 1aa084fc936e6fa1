export * as schema from './schema/index.ts';
export * from './client.ts';
export * from './queries/index.ts';
export * from './seed/index.ts';
export * from './unreachable.ts';
