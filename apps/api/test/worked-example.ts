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

/**
 * Some areas of the worked example under new slugs and names, e.g. `{ search: { slug: 'own-area',
 * name: 'Own area' } }`: their figures and so their drift signals, for fixtures that need areas of
 * their own. Areas not named are left out.
 */
export function workedExampleAreasCsv(renames: Record<string, { slug: string; name: string }>): string {
  const [header = '', ...rows] = workedExampleCsv.trimEnd().split(/\r?\n/);
  const renamed = rows.flatMap((row) => {
    const [slug = '', _name, ...rest] = row.split(',');
    const rename = renames[slug];
    return rename ? [[rename.slug, rename.name, ...rest].join(',')] : [];
  });
  return `${[header, ...renamed].join('\n')}\n`;
}
