export * from './demo-organisation.ts';
export * from './seed.ts';
