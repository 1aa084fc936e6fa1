/**
 * The area lead's own loop, as a lead and an admin see it: My areas after sign-in, a missing month
 * filled in from the dashboard (stocks carried over, flows entered), and a new area created by an
 * admin and given its first figures. The real API with its demo data, in Debian's Chromium.
 */
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations } from './support/axe.ts';
import { launchChromium, requireBuiltApp, resultsDir } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { moveMouseAway, signInAsApiClient, signInInBrowser } from './support/sign-in.ts';

const ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };
/** The demo lead of Payments, Checkout and Billing. */
const PRIYA = { email: 'priya.raman@demo.example', password: 'demo-lead-priya' };

/** The stocks a new month carries over, and the flows it never does (as the form labels them). */
const STOCK_FIGURES = {
  marketingDedicatedFte: 'Dedicated marketing',
  marketingSharedFte: 'Shared marketing',
  salesDedicatedFte: 'Dedicated sales',
  salesSharedFte: 'Shared sales',
  sharedServiceDependencies: 'Shared-service dependencies',
  mandatoryProcesses: 'Mandatory central processes',
  approvalLatencyDays: 'Approval latency',
} as const;
const FLOW_LABELS = ['Revenue actual', 'Hires closed', 'Hires run by the lead', 'Material decisions', 'Decisions needing central sign-off'];

let server: RunningServer | undefined;
let browser: Browser | undefined;
let adminApi: APIRequestContext | undefined;
const pageErrors: Error[] = [];
/** The demo's newest month (every area reported it), and the Billing month the admin removes. */
let newestMonth = '';
let removedMonth = '';

beforeAll(async () => {
  requireBuiltApp();
  server = await startServer({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  browser = await launchChromium();
  adminApi = await signInAsApiClient(server.baseUrl, ADMIN);
});

afterAll(async () => {
  await adminApi?.dispose();
  await browser?.close();
  await server?.stop();
});

describe('the area lead’s loop', () => {
  it('lands a lead on My areas, which names a missing month, and the month is filled in from the dashboard', async () => {
    const api = requireAdminApi();
    const billing = await getJson<{ months: { month: string }[] }>(api, '/api/v1/areas/billing/history');
    newestMonth = billing.months.map((point) => point.month).sort().at(-1) ?? '';
    removedMonth = addMonths(newestMonth, -1);
    // The month was never entered: the admin removes it (the audit log keeps it).
    const current = await api.get(`/api/v1/areas/billing/months/${removedMonth}`);
    expect(current.status()).toBe(200);
    const removed = await api.delete(`/api/v1/areas/billing/months/${removedMonth}`, { headers: { 'If-Match': current.headers()['etag'] ?? '' } });
    expect(removed.status()).toBe(204);
    // The form prefills from the nearest earlier month with figures, the one before the gap.
    const before = await getJson<Record<string, number | string>>(api, `/api/v1/areas/billing/months/${addMonths(removedMonth, -1)}`);

    const lead = await openBrowserAs(PRIYA);
    expect(new URL(lead.url()).pathname).toBe('/my-areas');
    const main = lead.locator('#main');
    await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My areas');
    // The last three months are counted back from the newest month any area reported, and the page says so.
    await main.locator('.page-header p', { hasText: `to ${monthName(newestMonth)}, the newest month any area has reported` }).waitFor();

    const billingCard = main.locator('article', { has: lead.getByRole('heading', { name: 'Billing' }) });
    const fill = billingCard.getByRole('link', { name: `Add figures for ${monthName(removedMonth)}` });
    await fill.waitFor();
    await expect(billingCard.textContent()).resolves.toContain('1 month without figures');
    for (const complete of ['Payments', 'Checkout']) {
      const card = main.locator('article', { has: lead.getByRole('heading', { name: complete }) });
      await expect(card.textContent(), complete).resolves.toContain('All 3 recent months have figures.');
    }
    // Her open action items from the reviews, the overdue ones marked.
    const actionItems = main.locator('section[aria-labelledby="my-action-items-heading"]');
    await actionItems.locator('.state--loading').waitFor({ state: 'detached' });
    const own = await openItemsOf(PRIYA);
    expect(own.length).toBeGreaterThan(0);
    await expect(actionItems.locator('.my-action-items__title').allTextContents()).resolves.toEqual(
      expect.arrayContaining(own.map((item) => item.title)),
    );
    const today = localDay(new Date());
    const overdue = own.filter((item) => item.dueOn !== null && item.dueOn < today).length;
    expect(await actionItems.locator('.badge', { hasText: 'Overdue' }).count()).toBe(overdue);
    expect(await findAccessibilityViolations(lead)).toEqual([]);
    await moveMouseAway(lead);
    await lead.screenshot({ path: join(resultsDir, 'my-areas.png'), fullPage: true });

    await fill.click();
    await lead.waitForURL((url) => url.pathname === '/areas/billing' && url.searchParams.get('fill') === removedMonth);
    const editor = lead.locator('section[aria-labelledby="figures-editor-heading"]');
    await expect(editor.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Add figures for ${monthName(removedMonth)}`);
    await editor.getByLabel('Approval latency').waitFor();
    // Stocks carried over from the month before; flows left to be entered.
    for (const [key, label] of Object.entries(STOCK_FIGURES)) {
      await expect(editor.getByLabel(label, { exact: true }).inputValue(), label).resolves.toBe(String(before[key]));
    }
    await expect(editor.getByLabel('Target set by').inputValue()).resolves.toBe(String(before['targetOwner']));
    for (const label of FLOW_LABELS) {
      await expect(editor.getByLabel(label, { exact: true }).inputValue(), label).resolves.toBe('');
    }
    await editor.getByLabel('Revenue actual', { exact: true }).fill('512000');
    await editor.getByLabel('Hires closed', { exact: true }).fill('3');
    await editor.getByLabel('Hires run by the lead', { exact: true }).fill('2');
    await editor.getByLabel('Material decisions', { exact: true }).fill('11');
    await editor.getByLabel('Decisions needing central sign-off', { exact: true }).fill('2');
    await editor.getByRole('button', { name: 'Save figures' }).click();

    await lead.waitForURL((url) => url.searchParams.get('month') === removedMonth && !url.searchParams.has('fill'));
    await expect(lead.locator('.figures-saved').textContent()).resolves.toContain(`Added the figures for ${monthName(removedMonth)}`);
    const row = monthRow(lead, removedMonth);
    await row.locator('td.numeric').first().waitFor();
    await expect(row.textContent()).resolves.not.toContain('No figures');
    const saved = await getJson<Record<string, number | string>>(api, `/api/v1/areas/billing/months/${removedMonth}`);
    expect(saved).toMatchObject({ revenueActual: 512000, hiresTotal: 3, hiresLeadOwned: 2, approvalLatencyDays: before['approvalLatencyDays'] });

    await lead.getByRole('link', { name: 'My areas' }).click();
    await lead.waitForURL((url) => url.pathname === '/my-areas');
    const billingAgain = lead.locator('#main article', { has: lead.getByRole('heading', { name: 'Billing' }) });
    await expect(billingAgain.locator('.my-area__complete').textContent()).resolves.toBe('All 3 recent months have figures.');
    expect(pageErrors).toEqual([]);
  });

  it('offers Add figures for a gap in the month table, which opens the form for that month', async () => {
    const api = requireAdminApi();
    const gap = addMonths(newestMonth, -2);
    const current = await api.get(`/api/v1/areas/payments/months/${gap}`);
    const removed = await api.delete(`/api/v1/areas/payments/months/${gap}`, { headers: { 'If-Match': current.headers()['etag'] ?? '' } });
    expect(removed.status()).toBe(204);

    const lead = await openBrowserAs(PRIYA);
    await lead.goto('/areas/payments');
    const row = monthRow(lead, gap);
    await row.getByRole('button', { name: `Add figures for ${monthName(gap)}` }).click();
    const editor = lead.locator('section[aria-labelledby="figures-editor-heading"]');
    await expect(editor.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Add figures for ${monthName(gap)}`);
    await expect(editor.locator('.panel__header p').textContent()).resolves.toContain(`prefilled from ${monthName(addMonths(gap, -1))}`);
    await expect(editor.getByLabel('Revenue actual', { exact: true }).inputValue()).resolves.toBe('');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    expect(await editor.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('lets an admin create an area, refusing a taken slug beside it, and give the new area its first figures', async () => {
    const admin = await openBrowserAs(ADMIN);
    expect(new URL(admin.url()).pathname).toBe('/');
    await admin.getByRole('link', { name: 'Areas', exact: true }).click();
    await admin.waitForURL((url) => url.pathname === '/areas');
    const form = admin.locator('form.new-area-form');
    await form.getByLabel('Name', { exact: true }).fill('Fraud Prevention');
    // The slug follows the name until it is typed.
    await expect(form.getByLabel('Slug').inputValue()).resolves.toBe('fraud-prevention');

    // The contract's rule, checked before sending, beside the slug.
    await form.getByLabel('Slug').fill('Fraud!');
    await form.getByRole('button', { name: 'Create area' }).click();
    await expect(form.locator('[data-field="slug"] .field__error').textContent()).resolves.toBe('Must be 2–64 characters of a–z, 0–9 and -.');

    // A slug another area has: the API's 409, in its words, beside the slug.
    await form.getByLabel('Slug').fill('billing');
    await form.getByRole('button', { name: 'Create area' }).click();
    await expect(form.locator('[data-field="slug"] .field__error').textContent()).resolves.toBe('An area with the slug "billing" already exists.');
    await expect(form.getByRole('alert').last().textContent()).resolves.toContain('already exists');

    await form.getByLabel('Slug').fill('fraud');
    await form.getByLabel('Description').fill('Risk scoring and chargeback disputes.');
    await form.getByLabel('Lead', { exact: true }).selectOption(PRIYA.email);
    await form.getByRole('button', { name: 'Create area' }).click();
    const created = admin.getByRole('status').filter({ hasText: 'Fraud Prevention was created.' });
    await created.waitFor();
    await admin.locator('table tr', { hasText: 'fraud' }).getByRole('link', { name: 'Fraud Prevention' }).waitFor();
    expect(await findAccessibilityViolations(admin, '#main')).toEqual([]);

    await created.getByRole('link', { name: 'Open Fraud Prevention' }).click();
    await admin.waitForURL((url) => url.pathname === '/areas/fraud');
    const prompt = admin.locator('section[aria-labelledby="first-figures-heading"]');
    await expect(prompt.getByRole('heading').textContent()).resolves.toBe('Fraud Prevention has no figures yet');
    // Its first month: the newest month the others reported, so the portfolio can count it there.
    await prompt.getByLabel('First month').selectOption(newestMonth);
    await prompt.getByRole('button', { name: 'Add its first figures' }).click();

    const editor = admin.locator('section[aria-labelledby="figures-editor-heading"]');
    await expect(editor.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Add figures for ${monthName(newestMonth)}`);
    await expect(editor.locator('.panel__header p').textContent()).resolves.toContain('no earlier figures');
    for (const label of [...Object.values(STOCK_FIGURES), ...FLOW_LABELS, 'Revenue target']) {
      await expect(editor.getByLabel(label, { exact: true }).inputValue(), label).resolves.toBe('');
    }
    // Who set the target is chosen, not guessed: saving without it says so beside it.
    await editor.getByRole('button', { name: 'Save figures' }).click();
    await expect(editor.locator('[data-figure="targetOwner"] .field__error').textContent()).resolves.toBe('Choose who set the target.');

    const first: Record<string, string> = {
      'Revenue target': '300000',
      'Revenue actual': '280000',
      'Dedicated marketing': '1',
      'Shared marketing': '0.5',
      'Dedicated sales': '2',
      'Shared sales': '0',
      'Hires closed': '1',
      'Hires run by the lead': '1',
      'Material decisions': '6',
      'Decisions needing central sign-off': '1',
      'Shared-service dependencies': '2',
      'Mandatory central processes': '3',
      'Approval latency': '4',
    };
    for (const [label, value] of Object.entries(first)) await editor.getByLabel(label, { exact: true }).fill(value);
    await editor.getByLabel('Target set by').selectOption('area');
    await editor.getByRole('button', { name: 'Save figures' }).click();

    await admin.waitForURL((url) => url.searchParams.get('month') === newestMonth);
    await admin.locator('section[aria-labelledby="figures-heading"] dl.figures').waitFor();
    const row = monthRow(admin, newestMonth);
    await expect(row.textContent()).resolves.not.toContain('No figures');
    await expect(getJson(requireAdminApi(), `/api/v1/areas/fraud/months/${newestMonth}`)).resolves.toMatchObject({
      revenueTarget: 300000,
      marketingSharedFte: 0.5,
      targetOwner: 'area',
    });
    await moveMouseAway(admin);
    await admin.screenshot({ path: join(resultsDir, 'new-area-first-figures.png'), fullPage: true });

    // Priya now leads it too: her My areas lists it, its first month in, the two before it missing.
    const lead = await openBrowserAs(PRIYA);
    const fraud = lead.locator('#main article', { has: lead.getByRole('heading', { name: 'Fraud Prevention' }) });
    await fraud.getByRole('link', { name: `Add figures for ${monthName(addMonths(newestMonth, -1))}` }).waitFor();
    await expect(fraud.textContent()).resolves.toContain('2 months without figures');
    expect(pageErrors).toEqual([]);
  });
});

/** The open action items a person owns, as the API lists them for them. */
async function openItemsOf(credentials: { email: string; password: string }): Promise<{ title: string; dueOn: string | null }[]> {
  if (!server) throw new Error('The server starts in beforeAll');
  const api = await signInAsApiClient(server.baseUrl, credentials);
  try {
    return (await getJson<{ items: { title: string; dueOn: string | null }[] }>(api, '/api/v1/action-items?owner=me&status=open')).items;
  } finally {
    await api.dispose();
  }
}

/** Today as the browser on this machine reads it: `YYYY-MM-DD` in the local time zone. */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function requireAdminApi(): APIRequestContext {
  if (!adminApi) throw new Error('The admin signs in through the API in beforeAll');
  return adminApi;
}

async function openBrowserAs(credentials: { email: string; password: string }): Promise<Page> {
  if (!browser || !server) throw new Error('The browser and the server start in beforeAll');
  const { page } = await signInInBrowser(browser, server.baseUrl, credentials, pageErrors);
  return page;
}

/** The row of the area page's month-by-month table for `month`. */
function monthRow(target: Page, month: string) {
  return target.locator('section[aria-labelledby="months-heading"] tbody tr', {
    has: target.getByRole('rowheader', { name: monthName(month), exact: true }),
  });
}

async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url);
  if (response.status() !== 200) throw new Error(`GET ${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function addMonths(month: string, count: number): string {
  const [year = 0, monthNumber = 0] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthNumber - 1 + count, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
