import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The dashboard bundles this package for the browser (ADR 0003): its code must stay free of I/O,
// Node built-ins and other packages. Tests may use what they like.
describe('the domain package', () => {
  it('imports nothing but its own modules', () => {
    const sources = readdirSync(new URL('.', import.meta.url)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      const imported = [...text.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
      expect(imported.filter((specifier) => !specifier?.startsWith('./')), file).toEqual([]);
    }
  });
});
