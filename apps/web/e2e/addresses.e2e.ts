/**
 * Addresses that name no page, and pages that break: the reader always keeps the header and a way
 * back, never a blank page. The real API with its demo data, in Debian's Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, requireBuiltApp } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { signInInBrowser } from './support/sign-in.ts';

const ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: Error[] = [];

beforeAll(async () => {
  requireBuiltApp();
  server = await startServer({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  browser = await launchChromium();
  ({ page } = await signInInBrowser(browser, server.baseUrl, ADMIN, pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('addresses and broken pages', () => {
  it.each(['/areas/%', '/areas/%E9', '/reviews/%zz', '/%'])('%s, an address with a malformed escape, shows the not-found page under the header', async (path) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await page.getByText('There is no page at this address').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('an API address with one is a 404 problem+json', async () => {
    const response = await page.request.get('/api/v1/areas/%');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a page that throws while rendering shows what happened and a way back, keeping the header', async () => {
    await page.goto('/areas');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Break number formatting, which the portfolio needs to render: a stand-in for any bug in a page.
    await page.evaluate(() => {
      // `format` is a getter on the prototype (it hands out a bound function), so it is replaced as one.
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
        configurable: true,
        get() {
          throw new Error('broken on purpose');
        },
      });
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    const fallback = page.getByRole('alert').filter({ hasText: 'Something went wrong on this page' });
    await fallback.waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(await fallback.getByRole('link', { name: 'Go to the portfolio' }).getAttribute('href')).toBe('/');

    // Reloading starts afresh (formatting works again): the portfolio is back.
    await fallback.getByRole('button', { name: 'Reload the page' }).click();
    await page.waitForLoadState('load');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByText('Something went wrong on this page').count()).toBe(0);
    // Caught by the boundary, not an uncaught error of the page.
    expect(pageErrors).toEqual([]);
  });
});
