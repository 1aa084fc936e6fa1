import { readFileSync } from 'node:fs';

// The brief's worked example (shared/examples), kept with the domain's tests as one fixture for all.
const fixtures = new URL('../../../packages/domain/test/fixtures/', import.meta.url);

export const workedExampleCsv = readFileSync(new URL('drift-example.csv', fixtures), 'utf8');

export interface ExpectedAreaMonth {
  areaSlug: string;
  month: string;
  ownershipIndex: number;
  centralisationIndex: number;
  revenueAttainment: number | null;
  driftState: 'drift' | 'clear' | 'insufficient_data';
  ownershipDelta?: number;
  centralisationDelta?: number;
  severity?: 'watch' | 'warning' | 'critical';
}

export const workedExampleExpected = JSON.parse(
  readFileSync(new URL('drift-example.expected.json', fixtures), 'utf8'),
) as ExpectedAreaMonth[];
