export * from './demo-organisation.ts';
export * from './seed.ts';
export * from './demo-review.ts';
