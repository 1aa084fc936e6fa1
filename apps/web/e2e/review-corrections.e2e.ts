/**
 * Mistakes are recoverable, and action items are closed by their owners: an admin discards a
 * review started by mistake after a confirmation naming what happens, and freezes another's
 * snapshot again; an area lead who owns an action item marks it done with a progress note, with
 * no control over anything else. The real API serves the built app (`vite build` first).
 */
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem, AuditList, Review } from '@autonomy/contracts';
import { launchChromium, requireBuiltApp, resultsDir } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { moveMouseAway, signInAsApiClient, signInInBrowser } from './support/sign-in.ts';

const ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };
/** The demo lead of Checkout, Payments and Billing, who owns an action item. */
const PRIYA = { email: 'priya.raman@demo.example', password: 'demo-lead-priya' };
const NOTE = 'Recruiter signed; starts on the 4th';

let server: RunningServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const pageErrors: Error[] = [];
let adminApi: APIRequestContext;

beforeAll(async () => {
  requireBuiltApp();
  server = await startServer({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  browser = await launchChromium();
  adminApi = await signInAsApiClient(server.baseUrl, ADMIN);
});

afterAll(async () => {
  await adminApi?.dispose();
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('correcting a review started by mistake', () => {
  it('lets an admin discard an empty review after a confirmation that names it, and start that month again', async () => {
    const month = await unreviewedMonth();
    const mistaken = await startReview(month);
    const admin = await openBrowserAs(ADMIN);
    await admin.goto(`/reviews/${mistaken.id}`);
    await admin.getByRole('heading', { level: 1, name: `Scaling review — ${monthName(month)}` }).waitFor();

    await admin.getByRole('button', { name: 'Discard review…' }).click();
    const confirm = admin.getByRole('group', { name: `Discard the ${monthName(month)} review?` });
    await expect(confirm.locator('p').innerText()).resolves.toContain(
      `Discard the ${monthName(month)} review? It has no decisions or action items; this cannot be undone.`,
    );
    // Keeping it changes nothing.
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await adminApi.get(`/api/v1/reviews/${mistaken.id}`)).status()).toBe(200);

    await admin.getByRole('button', { name: 'Discard review…' }).click();
    await moveMouseAway(admin);
    await admin.screenshot({ path: join(resultsDir, 'review-discard-confirm.png') });
    await admin.getByRole('group', { name: `Discard the ${monthName(month)} review?` }).getByRole('button', { name: 'Discard review' }).click();
    await admin.waitForURL((url) => url.pathname === '/reviews');
    await admin.getByRole('heading', { level: 1, name: 'Scaling reviews' }).waitFor();
    await expect(admin.locator(`tr[data-review-month="${month}"]`).count()).resolves.toBe(0);
    expect((await adminApi.get(`/api/v1/reviews/${mistaken.id}`)).status()).toBe(404);
    const audit = await getJson<AuditList>('/api/v1/audit?limit=5');
    expect(audit.items[0]).toMatchObject({ action: 'review.discarded', subject: month, actor: { email: ADMIN.email } });
    // The month is free for its real review.
    expect((await startReview(month)).month).toBe(month);
    expect(pageErrors).toEqual([]);
  });

  it('lets an admin freeze a review’s snapshot again before its first decision, and then offers neither', async () => {
    const month = await unreviewedMonth();
    const review = await startReview(month);
    const admin = await openBrowserAs(ADMIN);
    await admin.goto(`/reviews/${review.id}`);
    await admin.getByRole('button', { name: 'Re-freeze snapshot…' }).click();
    const confirm = admin.getByRole('group', { name: `Freeze the ${monthName(month)} snapshot again?` });
    await confirm.getByRole('button', { name: 'Re-freeze snapshot' }).click();
    await confirm.waitFor({ state: 'detached' });
    const refrozen = await getJson<Review>(`/api/v1/reviews/${review.id}`);
    expect(refrozen.version).toBe(2);
    expect(refrozen.snapshot.takenAt > review.snapshot.takenAt).toBe(true);
    await admin.locator(`.review-frozen[data-taken-at="${refrozen.snapshot.takenAt}"]`).waitFor();

    const decided = await adminApi.post(`/api/v1/reviews/${review.id}/decisions`, { data: { text: 'Keep the snapshot' } });
    expect(decided.status()).toBe(201);
    await admin.reload();
    await admin.locator('.decision-list__item').first().waitFor();
    await expect(admin.getByRole('button', { name: 'Re-freeze snapshot…' }).count()).resolves.toBe(0);
    await expect(admin.getByRole('button', { name: 'Discard review…' }).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('an action item’s owner', () => {
  it('marks their item done with a progress note, and has no control over anyone else’s', async () => {
    const review = await startReview(await unreviewedMonth());
    const mine = await addItem(review.id, { title: 'Hire a Checkout recruiter', ownerEmail: PRIYA.email, dueOn: '2030-01-31', areaSlug: 'checkout' });
    const theirs = await addItem(review.id, { title: 'Write the org-wide hiring guide', ownerEmail: ADMIN.email });

    const lead = await openBrowserAs(PRIYA);
    await lead.goto(`/reviews/${review.id}`);
    const row = lead.locator(`tr[data-action-item-id="${mine.id}"]`);
    await row.waitFor();
    // Theirs has no control at all; theirs to close, not to rename, move or reopen.
    await expect(lead.locator(`tr[data-action-item-id="${theirs.id}"] button`).count()).resolves.toBe(0);
    await expect(row.getByRole('button', { name: /^Change: / }).count()).resolves.toBe(0);

    await row.getByRole('button', { name: `Add a note: ${mine.title}` }).click();
    const form = lead.getByRole('form', { name: `Progress note on “${mine.title}”` });
    // An empty note is explained before anything is sent.
    await form.getByRole('button', { name: 'Save note' }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toBe('Write how it is going.');
    await form.getByLabel('Progress note').fill(`  ${NOTE}  `);
    await form.getByRole('button', { name: 'Save note' }).click();
    await form.waitFor({ state: 'detached' });
    await expect(row.locator('.action-items__note').innerText()).resolves.toContain(NOTE);

    await row.getByRole('button', { name: `Mark done: ${mine.title}` }).click();
    await lead.locator(`tr[data-action-item-id="${mine.id}"][data-status="done"]`).waitFor();
    // Done: nothing left for the owner to move it to (reopening is for executives and admins).
    await expect(row.getByRole('button', { name: `Reopen: ${mine.title}` }).count()).resolves.toBe(0);
    await moveMouseAway(lead);
    await lead.locator('section[aria-labelledby="action-items-heading"]').screenshot({ path: join(resultsDir, 'review-owner-item.png') });

    const stored = (await getJson<Review>(`/api/v1/reviews/${review.id}`)).actionItems.find((item) => item.id === mine.id);
    expect(stored).toMatchObject({ status: 'done', note: NOTE, title: mine.title, dueOn: '2030-01-31', owner: { email: PRIYA.email } });
    expect(pageErrors).toEqual([]);
  });
});

async function openBrowserAs(credentials: { email: string; password: string }): Promise<Page> {
  if (!browser || !server) throw new Error('The browser and the server start in beforeAll');
  const { context, page } = await signInInBrowser(browser, server.baseUrl, credentials, pageErrors);
  contexts.push(context);
  return page;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await adminApi.get(url);
  if (response.status() !== 200) throw new Error(`GET ${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

/** The newest month with figures and no review yet. */
async function unreviewedMonth(): Promise<string> {
  const { months } = await getJson<{ months: string[] }>('/api/v1/portfolio');
  const reviewed = new Set((await getJson<{ items: { month: string }[] }>('/api/v1/reviews?limit=1000')).items.map((review) => review.month));
  const month = months.find((candidate) => !reviewed.has(candidate));
  if (!month) throw new Error('every month with figures has a review');
  return month;
}

async function startReview(month: string): Promise<Review> {
  const response = await adminApi.post('/api/v1/reviews', { data: { month, heldOn: `${month}-28` } });
  if (response.status() !== 201) throw new Error(`starting the review of ${month} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as Review;
}

async function addItem(reviewId: string, item: Record<string, string>): Promise<ActionItem> {
  const response = await adminApi.post(`/api/v1/reviews/${reviewId}/action-items`, { data: item });
  if (response.status() !== 201) throw new Error(`adding an action item answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as ActionItem;
}

function monthName(month: string): string {
  const format = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
