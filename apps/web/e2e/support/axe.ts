/** Accessibility checks for the browser tests: axe-core, run inside the page as it stands. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Evaluated rather than added as a <script>: the app's Content-Security-Policy (script-src 'self')
// rightly refuses inline scripts, and the test must not loosen it to look at the page.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** The offending elements, as CSS selectors. */
  targets: string[];
}

/**
 * What axe finds wrong in `selector` (the whole page by default) against WCAG 2.1 A and AA, one
 * line per rule, so a failing test names the rule and the elements.
 */
export async function findAccessibilityViolations(page: Page, selector = 'body'): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(async (context) => {
    type AxeResult = { passes: unknown[]; violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: string, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // No rule passing either means nothing was looked at (a wrong selector): not a clean page.
    if (result.passes.length === 0) throw new Error(`axe checked nothing in ${context}`);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, selector);
}
