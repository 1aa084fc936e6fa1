/**
 * The monthly scaling review as people use it: an executive starts the review of a month and runs
 * the meeting in the pack (decisions, action items, agenda), the pack stays frozen when figures
 * change, a second review of the month is refused with a way to the first, and a viewer reads the
 * same pack without a single control. The real API serves the built app (`vite build` first).
 */
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem } from '@autonomy/contracts';
import { dayOf, isOverdue } from '../src/features/reviews/review-dates.ts';
import { describeActionItemCounts } from '../src/features/reviews/review-items.ts';
import { launchChromium, requireBuiltApp, resultsDir } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { moveMouseAway, signInAsApiClient, signInInBrowser } from './support/sign-in.ts';

const ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };
/** The demo's executive, who runs the review. */
const EXEC = { email: 'exec@demo.example', password: 'demo-exec-2024' };
const EXEC_NAME = 'Erin Executive';
/** The demo's viewer, who reads packs and changes nothing. */
const VIEWER = { email: 'viewer@demo.example', password: 'demo-viewer-2024' };
/** The demo lead of Checkout, who is given an action item. */
const LEAD_EMAIL = 'priya.raman@demo.example';

const AGENDA = '1. Checkout absorption\n2. Hiring ownership';
const DECISION = 'Give Checkout its own recruiter again';
const ITEM_TITLE = 'Draft the Checkout hiring plan';

let server: RunningServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const pageErrors: Error[] = [];
let exec: Page;
/** The admin, changing figures and the review through the API while the executive's page is open. */
let adminApi: APIRequestContext;
/** The review the executive starts, and the frozen tables as first shown. */
let reviewMonth = '';
let reviewPath = '';
let frozenAreas = '';
let frozenSummary = '';
let frozenSignals = '';

interface ListedReview {
  id: string;
  month: string;
  decisionCount: number;
  actionItemCount: number;
  openActionItemCount: number;
}

beforeAll(async () => {
  requireBuiltApp();
  server = await startServer({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  browser = await launchChromium();
  adminApi = await signInAsApiClient(server.baseUrl, ADMIN);
  exec = await openBrowserAs(EXEC);
});

afterAll(async () => {
  await adminApi?.dispose();
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('the monthly scaling review', () => {
  it('lists every review newest month first, from the Reviews link in the header', async () => {
    await exec.getByRole('link', { name: 'Reviews', exact: true }).click();
    await exec.waitForURL((url) => url.pathname === '/reviews');
    await exec.getByRole('heading', { level: 1, name: 'Scaling reviews' }).waitFor();
    const listed = await listReviews();
    // The demo data comes with the review of one month.
    expect(listed.length).toBeGreaterThan(0);
    const rows = exec.locator('tr[data-review-month]');
    await rows.first().waitFor();
    await expect(rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-review-month')))).resolves.toEqual(
      listed.map((review) => review.month),
    );
    const newest = listed[0];
    if (!newest) throw new Error('The API listed no review');
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[3]).toBe(String(newest.decisionCount));
    expect(cells[4]).toBe(describeActionItemCounts(newest.openActionItemCount, newest.actionItemCount));
  });

  it('opens a review’s pack with its decisions, and flags its open items past their due day', async () => {
    const newest = (await listReviews())[0];
    if (!newest) throw new Error('The API listed no review');
    await exec.getByRole('link', { name: monthName(newest.month), exact: true }).click();
    await exec.getByRole('heading', { level: 1, name: `Scaling review — ${monthName(newest.month)}` }).waitFor();
    const review = await getJson<{ decisions: unknown[]; actionItems: ActionItem[] }>(adminApi, `/api/v1/reviews/${newest.id}`);
    await expect(exec.locator('.decision-list__item').count()).resolves.toBe(review.decisions.length);
    const rows = exec.locator('section[aria-labelledby="action-items-heading"] tbody tr');
    await expect(rows.count()).resolves.toBe(review.actionItems.length);
    const today = dayOf(new Date());
    await expect(exec.locator('tr[data-overdue="true"]').count()).resolves.toBe(
      review.actionItems.filter((item) => isOverdue(item, today)).length,
    );
    await moveMouseAway(exec);
    await exec.screenshot({ path: join(resultsDir, 'review-demo.png'), fullPage: true });
    await exec.getByRole('link', { name: '← Reviews' }).click();
    await exec.waitForURL((url) => url.pathname === '/reviews');
  });

  it('lets an executive start the review of the latest month without one from the portfolio, and shows its frozen pack', async () => {
    const months = (await getJson<{ months: string[] }>(adminApi, '/api/v1/portfolio')).months;
    const reviewed = new Set((await listReviews()).map((review) => review.month));
    reviewMonth = months.find((month) => !reviewed.has(month)) ?? '';
    expect(reviewMonth).not.toBe('');

    // The portfolio of that month says it has had no review yet, and offers to start it.
    await exec.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await exec.waitForURL((url) => url.pathname === '/');
    await exec.locator('.month-select select').selectOption(reviewMonth);
    const note = exec.locator('[data-month-review="none"]');
    await note.waitFor();
    await expect(note.innerText()).resolves.toBe(`No scaling review of ${monthName(reviewMonth)} yet. Start it`);
    await note.getByRole('link', { name: 'Start it' }).click();
    await exec.waitForURL((url) => url.pathname === '/reviews' && url.searchParams.get('month') === reviewMonth);
    const form = exec.locator('section.start-review form');
    await expect(form.getByLabel('Month').inputValue()).resolves.toBe(reviewMonth);
    await expect(form.getByLabel('Held on').inputValue()).resolves.toBe(dayOf(new Date()));
    await form.getByLabel('Agenda (optional)').fill(AGENDA);
    await moveMouseAway(exec);
    await exec.screenshot({ path: join(resultsDir, 'reviews-start.png'), fullPage: true });
    await form.getByRole('button', { name: 'Start review' }).click();

    await exec.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    reviewPath = new URL(exec.url()).pathname;
    await exec.getByRole('heading', { level: 1, name: `Scaling review — ${monthName(reviewMonth)}` }).waitFor();
    // The start button went away with the form: the keyboard carries on from the pack's heading.
    await expect(exec.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
    await expect(exec.locator('.review-pack__meta').textContent()).resolves.toContain(`started by ${EXEC_NAME}`);
    await expect(exec.locator('.review-frozen').textContent()).resolves.toMatch(/Figures frozen as of \d/);
    await expect(exec.locator('[data-record="agenda"] .preserve-lines').innerText()).resolves.toBe(AGENDA);

    // The frozen tables are the month's portfolio as it stood: one row per area, every finding listed.
    const portfolio = await getJson<{ areas: unknown[] }>(adminApi, `/api/v1/portfolio?month=${reviewMonth}`);
    const review = await getJson<{ snapshot: { signals: unknown[] } }>(adminApi, `/api/v1${reviewPath}`);
    await frozenAreasTable(exec).locator('tbody tr').first().waitFor();
    await expect(frozenAreasTable(exec).locator('tbody tr').count()).resolves.toBe(portfolio.areas.length);
    await expect(frozenSignalsList(exec).locator('li[data-signal-kind]').count()).resolves.toBe(
      review.snapshot.signals.length,
    );
    // Back on the portfolio, the month now links to its pack.
    await exec.goto(`${server?.baseUrl ?? ''}/?month=${reviewMonth}`);
    const reviewedNote = exec.locator('p.month-review-note a', { hasText: 'Open the review pack' });
    await reviewedNote.waitFor();
    await expect(reviewedNote.getAttribute('href')).resolves.toBe(reviewPath);
    await exec.goBack();
    await exec.waitForURL((url) => url.pathname === reviewPath);
    await frozenAreasTable(exec).locator('tbody tr').first().waitFor();
    frozenAreas = await frozenAreasTable(exec).innerText();
    frozenSummary = await exec.locator('dl[aria-label="Organisation summary"]').innerText();
    frozenSignals = await frozenSignalsList(exec).innerText();
    await moveMouseAway(exec);
    await exec.screenshot({ path: join(resultsDir, 'review-pack.png'), fullPage: true });
  });

  it('records a decision and an action item, explains an impossible date and an unknown owner, and marks the item done', async () => {
    const decisions = exec.locator('section[aria-labelledby="decisions-heading"]');
    await decisions.getByLabel('Decision', { exact: true }).fill(DECISION);
    await decisions.getByLabel('Area (optional)').selectOption({ label: 'Checkout' });
    await decisions.getByRole('button', { name: 'Record decision' }).click();
    const recorded = decisions.locator('.decision-list__item').last();
    await expect(recorded.locator('.decision-list__text').textContent()).resolves.toBe(DECISION);
    await expect(recorded.textContent()).resolves.toMatch(new RegExp(`Checkout · recorded by ${EXEC_NAME}`));
    await expect(decisions.getByLabel('Decision', { exact: true }).inputValue()).resolves.toBe('');

    const items = exec.locator('section[aria-labelledby="action-items-heading"]');
    await items.getByLabel('Action', { exact: true }).fill(ITEM_TITLE);
    // Executives cannot list accounts: they type the owner's email, and the API checks it.
    await items.getByLabel('Owner’s email').fill('nobody@example.com');
    // 30 February typed into the date field: the browser reads it as no date at all, and the form says so.
    const dueOn = items.getByLabel('Due on (optional)');
    await dueOn.focus();
    await exec.keyboard.type('02302027');
    await expect(dueOn.evaluate((input: HTMLInputElement) => input.validity.badInput)).resolves.toBe(true);
    await items.getByRole('button', { name: 'Add action item' }).click();
    await expect(items.locator('[data-field="dueOn"] .field__error').textContent()).resolves.toBe(
      'This is not a date that exists; check the day, month and year.',
    );
    await dueOn.fill(yesterday());
    await items.getByLabel('Area (optional)').selectOption({ label: 'Checkout' });
    await items.getByRole('button', { name: 'Add action item' }).click();
    await expect(items.locator('[data-field="ownerEmail"] .field__error').textContent()).resolves.toBe(
      'Must be the email of an active user.',
    );
    await expect(items.getByLabel('Action', { exact: true }).inputValue()).resolves.toBe(ITEM_TITLE);

    await items.getByLabel('Owner’s email').fill(LEAD_EMAIL);
    await items.getByRole('button', { name: 'Add action item' }).click();
    const row = items.locator('tbody tr', { hasText: ITEM_TITLE });
    await row.waitFor();
    await expect(row.getAttribute('data-overdue')).resolves.toBe('true');
    await expect(row.locator('.action-items__overdue').textContent()).resolves.toBe('Overdue by 1 day');
    await expect(row.textContent()).resolves.toContain('Priya Raman');
    await moveMouseAway(exec);
    await exec.screenshot({ path: join(resultsDir, 'review-action-items.png'), fullPage: true });

    await row.getByRole('button', { name: `Mark done: ${ITEM_TITLE}` }).click();
    await row.locator('.status-badge[data-status="done"]').waitFor();
    await expect(row.getAttribute('data-overdue')).resolves.toBe('false');
    await row.getByRole('button', { name: `Reopen: ${ITEM_TITLE}` }).waitFor();
  });

  it('changes an item’s action, owner and due date after the meeting, sending only what changed', async () => {
    const items = exec.locator('section[aria-labelledby="action-items-heading"]');
    const row = items.locator('tbody tr', { hasText: ITEM_TITLE });
    await row.getByRole('button', { name: `Change: ${ITEM_TITLE}` }).click();
    const form = items.getByRole('form', { name: `Change “${ITEM_TITLE}”` });
    await expect(form.getByLabel('Action').inputValue()).resolves.toBe(ITEM_TITLE);
    await expect(form.getByLabel('Owner’s email').inputValue()).resolves.toBe(LEAD_EMAIL);
    await form.getByLabel('Owner’s email').fill(EXEC.email);
    await form.getByLabel('Due on').fill('');
    await moveMouseAway(exec);
    await exec.screenshot({ path: join(resultsDir, 'review-item-change.png'), fullPage: true });
    await form.getByRole('button', { name: 'Save changes' }).click();

    await form.waitFor({ state: 'detached' });
    await expect(row.textContent()).resolves.toContain(EXEC_NAME);
    const stored = (await getJson<{ actionItems: ActionItem[] }>(adminApi, `/api/v1${reviewPath}`)).actionItems.find(
      (candidate) => candidate.title === ITEM_TITLE,
    );
    expect(stored).toMatchObject({ owner: { email: EXEC.email }, dueOn: null, status: 'done' });
    // Back to the button that opened the form (once the browser has drawn it again).
    await exec.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `Change: ${ITEM_TITLE}`);
  });

  it('says so when someone else changed an item first, and shows it as it is now', async () => {
    const review = await getJson<{ actionItems: { id: string; title: string; version: number }[] }>(adminApi, `/api/v1${reviewPath}`);
    const item = review.actionItems.find((candidate) => candidate.title === ITEM_TITLE);
    if (!item) throw new Error(`${ITEM_TITLE} is not in the review`);
    const dropped = await adminApi.patch(`/api/v1${reviewPath}/action-items/${item.id}`, {
      data: { status: 'dropped' },
      headers: { 'If-Match': `"${item.version}"` },
    });
    expect(dropped.status()).toBe(200);

    // The executive's page still shows the item done, on its old version.
    const row = exec.locator('section[aria-labelledby="action-items-heading"] tbody tr', { hasText: ITEM_TITLE });
    await row.getByRole('button', { name: `Reopen: ${ITEM_TITLE}` }).click();
    await expect(row.locator('.action-item-conflict').textContent()).resolves.toContain('it is now dropped');
    await row.locator('.status-badge[data-status="dropped"]').waitFor();
  });

  it('keeps someone else’s change to an item that is being changed, and the reader’s own edits over it', async () => {
    const items = exec.locator('section[aria-labelledby="action-items-heading"]');
    const row = items.locator('tbody tr', { hasText: ITEM_TITLE });
    await row.getByRole('button', { name: `Change: ${ITEM_TITLE}` }).click();
    const form = items.getByRole('form', { name: `Change “${ITEM_TITLE}”` });
    await form.getByLabel('Due on').fill('2031-03-15');

    // Meanwhile the admin gives the item back to the lead.
    const review = await getJson<{ actionItems: ActionItem[] }>(adminApi, `/api/v1${reviewPath}`);
    const item = review.actionItems.find((candidate) => candidate.title === ITEM_TITLE);
    if (!item) throw new Error(`${ITEM_TITLE} is not in the review`);
    const reassigned = await adminApi.patch(`/api/v1${reviewPath}/action-items/${item.id}`, {
      data: { ownerEmail: LEAD_EMAIL },
      headers: { 'If-Match': `"${item.version}"` },
    });
    expect(reassigned.status()).toBe(200);

    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.locator('.notice--error').textContent()).resolves.toContain('Someone changed this item meanwhile');
    // The form now shows the admin's owner, and still the executive's date.
    await expect(form.getByLabel('Owner’s email').inputValue()).resolves.toBe(LEAD_EMAIL);
    await expect(form.getByLabel('Due on').inputValue()).resolves.toBe('2031-03-15');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    const stored = (await getJson<{ actionItems: ActionItem[] }>(adminApi, `/api/v1${reviewPath}`)).actionItems.find(
      (candidate) => candidate.id === item.id,
    );
    expect(stored).toMatchObject({ owner: { email: LEAD_EMAIL }, dueOn: '2031-03-15' });
  });

  it('keeps the pack as it stood when the month’s figures change afterwards', async () => {
    const slug = 'checkout';
    const before = await areaIndices(slug);
    const url = `/api/v1/areas/${slug}/months/${reviewMonth}`;
    const current = await adminApi.get(url);
    const { areaSlug: _slug, month: _month, version: _version, updatedAt: _updatedAt, ...figures } = (await current.json()) as Record<
      string,
      number
    >;
    const saved = await adminApi.put(url, {
      data: {
        ...figures,
        mandatoryProcesses: (figures.mandatoryProcesses ?? 0) + 25,
        approvalLatencyDays: (figures.approvalLatencyDays ?? 0) + 30,
      },
      headers: { 'If-Match': current.headers()['etag'] ?? '' },
    });
    expect(saved.status()).toBe(200);
    // The live portfolio moved…
    expect(await areaIndices(slug)).not.toEqual(before);

    // …and the pack did not.
    await exec.reload();
    await frozenAreasTable(exec).locator('tbody tr').first().waitFor();
    await expect(frozenAreasTable(exec).innerText()).resolves.toBe(frozenAreas);
    await expect(exec.locator('dl[aria-label="Organisation summary"]').innerText()).resolves.toBe(frozenSummary);
    await expect(frozenSignalsList(exec).innerText()).resolves.toBe(frozenSignals);
  });

  it('refuses a second review of the same month and links to the first', async () => {
    await exec.goto('/reviews');
    const row = exec.locator(`tr[data-review-month="${reviewMonth}"]`);
    await row.waitFor();
    // Held today, by the executive, with its decision and its one item (dropped by now).
    await expect(row.locator('td').allTextContents()).resolves.toEqual([
      dayName(dayOf(new Date())),
      EXEC_NAME,
      expect.any(String),
      '1',
      '1 settled',
    ]);
    await moveMouseAway(exec);
    await exec.screenshot({ path: join(resultsDir, 'reviews-list.png'), fullPage: true });
    await exec.getByRole('button', { name: 'Start a review' }).click();
    const form = exec.locator('section.start-review form');
    await form.getByLabel('Month').selectOption(reviewMonth);
    // The form already says so; starting anyway is the API's to refuse.
    await form.getByRole('link', { name: 'open it' }).waitFor();
    await form.getByRole('button', { name: 'Start review' }).click();
    const refusal = form.locator('.review-exists');
    await expect(refusal.textContent()).resolves.toContain('already has a review');
    await moveMouseAway(exec);
    await exec.locator('section.start-review').screenshot({ path: join(resultsDir, 'reviews-409.png') });
    await refusal.getByRole('link', { name: `Open the review of ${monthName(reviewMonth)}` }).click();
    await exec.waitForURL((url) => url.pathname === reviewPath);
  });

  it('reports a stale agenda save, keeps what was typed, and saves it over the other change', async () => {
    const record = exec.locator('section[aria-labelledby="review-record-heading"]');
    await record.getByRole('button', { name: 'Edit agenda and notes' }).click();
    const mine = `${AGENDA}\n3. Action items from last month`;
    await record.getByLabel('Agenda', { exact: true }).fill(mine);

    // Meanwhile the admin writes the notes.
    const review = await getJson<{ version: number }>(adminApi, `/api/v1${reviewPath}`);
    const theirs = await adminApi.patch(`/api/v1${reviewPath}`, {
      data: { notes: 'Priya presented the Checkout numbers.' },
      headers: { 'If-Match': `"${review.version}"` },
    });
    expect(theirs.status()).toBe(200);

    await record.getByRole('button', { name: 'Save agenda and notes' }).click();
    const conflict = record.locator('.conflict-panel');
    await conflict.getByRole('heading', { name: 'Someone else changed the agenda or notes since you opened them' }).waitFor();
    await expect(conflict.locator('tr[data-field="notes"] .review-conflict__theirs').textContent()).resolves.toBe(
      'Priya presented the Checkout numbers.',
    );
    await expect(record.getByLabel('Agenda', { exact: true }).inputValue()).resolves.toBe(mine);
    await moveMouseAway(exec);
    await record.screenshot({ path: join(resultsDir, 'review-conflict.png') });

    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await record.getByText('Saved.', { exact: true }).waitFor();
    await expect(record.locator('[data-record="agenda"] .preserve-lines').innerText()).resolves.toBe(mine);
    await expect(record.locator('[data-record="notes"] .preserve-lines').innerText()).resolves.toBe(
      'Priya presented the Checkout numbers.',
    );
  });

  it('lets an admin pick an item’s owner from everyone who can sign in', async () => {
    const admin = await openBrowserAs(ADMIN);
    await admin.goto(reviewPath);
    const items = admin.locator('section[aria-labelledby="action-items-heading"]');
    await items.getByLabel('Action', { exact: true }).fill('Share the pack with the area leads');
    const owner = items.getByLabel('Owner', { exact: true });
    await owner.locator('option', { hasText: 'Val Viewer' }).waitFor({ state: 'attached' });
    await owner.selectOption({ label: 'Val Viewer · viewer@demo.example · Viewer' });
    await items.getByRole('button', { name: 'Add action item' }).click();
    const row = items.locator('tbody tr', { hasText: 'Share the pack with the area leads' });
    await row.waitFor();
    // No area, no due date: both optional. Name and email of the owner share a cell.
    await expect(row.locator('td').allTextContents()).resolves.toEqual([
      '—',
      'Val Viewerviewer@demo.example',
      '—',
      'Open',
      'Mark doneDropAdd note…Change…',
    ]);
  });

  it('prints the pack without navigation, buttons or forms', async () => {
    await exec.locator('.decision-list__item', { hasText: DECISION }).waitFor();
    await exec.emulateMedia({ media: 'print' });
    try {
      expect(await exec.locator('.app-header').isVisible()).toBe(false);
      expect(await exec.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await exec.locator('section[aria-labelledby="decisions-heading"] form').isVisible()).toBe(false);
      expect(await exec.locator('.decision-list__item', { hasText: DECISION }).isVisible()).toBe(true);
      // The sort buttons are the table's headings: on paper they stay, as plain text.
      await expect(frozenAreasTable(exec).locator('thead').innerText()).resolves.toMatch(/AREA\s+OWNERSHIP\s+CENTRALISATION/i);
      await exec.screenshot({ path: join(resultsDir, 'review-print.png'), fullPage: true });
    } finally {
      await exec.emulateMedia({ media: 'screen' });
    }
  });

  it('shows a viewer the same pack read-only, with nothing to press but Print and their own item’s controls', async () => {
    const viewer = await openBrowserAs(VIEWER);
    await viewer.getByRole('link', { name: 'Reviews', exact: true }).click();
    await viewer.locator(`tr[data-review-month="${reviewMonth}"]`).waitFor();
    expect(await viewer.getByRole('button', { name: 'Start a review' }).count()).toBe(0);

    await viewer.getByRole('link', { name: monthName(reviewMonth), exact: true }).click();
    await viewer.waitForURL((url) => url.pathname === reviewPath);
    await viewer.locator('.decision-list__item', { hasText: DECISION }).waitFor();
    await expect(frozenAreasTable(viewer).innerText()).resolves.toBe(frozenAreas);
    const main = viewer.locator('main');
    // The areas table's sort headers are the only other buttons: they change the view, not the review.
    // But the viewer owns one item (the admin gave it to them above): they close it or write its
    // note, and nothing else, on that item alone.
    const buttons = await main.locator('button:not(.sort-button)').allTextContents();
    expect(buttons).toEqual(['Print', 'Mark done', 'Drop', 'Add note…']);
    const owned = main.locator('tbody tr', { hasText: 'Share the pack with the area leads' });
    await expect(owned.locator('button').allTextContents()).resolves.toEqual(['Mark done', 'Drop', 'Add note…']);
    expect(await main.locator('form, textarea, input, select').count()).toBe(0);
    await moveMouseAway(viewer);
    await viewer.screenshot({ path: join(resultsDir, 'review-viewer.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

describe('on a phone', () => {
  it('scrolls no page sideways at 390 px: the header wraps, long lines break', async () => {
    await exec.setViewportSize({ width: 390, height: 844 });
    try {
      for (const path of ['/', '/reviews', reviewPath, '/areas/checkout', '/import', '/settings', '/access']) {
        await exec.goto(path);
        await exec.locator('h1').first().waitFor();
        await exec.waitForLoadState('networkidle');
        // Wide tables scroll inside their own box; the page itself must not.
        await expect(exec.evaluate(() => document.documentElement.scrollWidth), path).resolves.toBeLessThanOrEqual(390);
      }
      await exec.goto(reviewPath);
      await exec.locator('h1').first().waitFor();
      await moveMouseAway(exec);
      await exec.screenshot({ path: join(resultsDir, 'review-phone.png'), fullPage: true });
    } finally {
      await exec.setViewportSize({ width: 1440, height: 900 });
    }
  });
});

async function openBrowserAs(credentials: { email: string; password: string }): Promise<Page> {
  if (!browser || !server) throw new Error('The browser and the server start in beforeAll');
  const { context, page } = await signInInBrowser(browser, server.baseUrl, credentials, pageErrors);
  contexts.push(context);
  return page;
}

function frozenSignalsList(target: Page): Locator {
  return target.locator('section[aria-labelledby="frozen-signals-heading"]');
}

function frozenAreasTable(target: Page): Locator {
  return target.locator('section[aria-labelledby="frozen-areas-heading"] table');
}

async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url);
  if (response.status() !== 200) throw new Error(`GET ${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

async function listReviews(): Promise<ListedReview[]> {
  return (await getJson<{ items: ListedReview[] }>(adminApi, '/api/v1/reviews?limit=1000')).items;
}

/** An area's indices in the live portfolio of the review's month. */
async function areaIndices(slug: string): Promise<unknown> {
  const portfolio = await getJson<{ areas: { slug: string; ownershipIndex: number; centralisationIndex: number }[] }>(
    adminApi,
    `/api/v1/portfolio?month=${reviewMonth}`,
  );
  const area = portfolio.areas.find((candidate) => candidate.slug === slug);
  return area && { ownershipIndex: area.ownershipIndex, centralisationIndex: area.centralisationIndex };
}

function yesterday(): string {
  const date = new Date();
  date.setDate(date.getDate() - 1);
  return dayOf(date);
}

/** `2026-11-22` → `22 Nov 2026`, as the list and the pack write days. */
function dayName(day: string): string {
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${day}T00:00:00Z`));
}

function monthName(month: string): string {
  const format = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
