/**
 * The dashboard as a person sees it: the real API (with its demo data) serving the built app,
 * driven in Debian's Chromium. Needs `vite build` first (dist/ is what the API serves).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, requireBuiltApp, resultsDir } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'e2e-admin-password';
const VIEWER_EMAIL = 'viewer@example.com';
const VIEWER_PASSWORD = 'e2e-viewer-password';
/** The demo lead of Payments, Checkout and Billing (the demo seed's account). */
const LEAD_EMAIL = 'priya.raman@demo.example';
const LEAD_PASSWORD = 'demo-lead-priya';
/** The demo's other lead (Mobile, Data Platform, Marketplace). */
const MARCUS_EMAIL = 'marcus.chen@demo.example';
const MARCUS_PASSWORD = 'demo-lead-marcus';
/** The demo's executive, who decides on signals alongside the admin. */
const EXEC_EMAIL = 'exec@demo.example';
const EXEC_PASSWORD = 'demo-exec-2024';
/** A demo area with no lead, which the admin gives both demo leads. */
const SHARED_AREA = 'developer-platform';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: Error[] = [];
/** The drifting area the admin opened, for the viewer to open too. */
let driftingAreaUrl = '';
/** Priya's own browser, signed in alongside the admin's, for the figures tests. */
let leadContext: BrowserContext | undefined;
let lead: Page;
/** The month the Checkout page opens on (its latest), and the approval latency Priya saved there. */
let checkoutMonth = '';
let savedLatency = 0;
/** Priya's browser for the area details and targets tests, once she leads the shared area. */
let priya: SignedIn | undefined;

beforeAll(async () => {
  requireBuiltApp();
  server = await startServer({ adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(error));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the autonomy dashboard', () => {
  it('runs on the database the environment asks for', () => {
    // Guards against a task runner silently dropping DATABASE_URL and testing PGlite instead.
    expect(server?.health.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'embedded');
  });

  it('asks for a sign-in and explains a wrong password', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in\?next=/);

    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/do not match/);
  });

  it('signs the admin in and tells the portfolio story', async () => {
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    const areaRows = page.locator('table tbody tr[data-drift-state]');
    await areaRows.first().waitFor();
    expect(await areaRows.count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('table tbody tr[data-drift-state="drift"]').count()).toBeGreaterThanOrEqual(1);

    // The default order puts drift first, so the first row is the most urgent area.
    await expect(areaRows.first().getAttribute('data-drift-state')).resolves.toBe('drift');
    await expect(page.locator('.app-header').textContent()).resolves.toContain('Admin');

    // The month's findings explain themselves, Chipotle drift first.
    const signalsPanel = page.locator('section[aria-labelledby="signals-heading"]');
    const driftSignals = signalsPanel.locator('li[data-signal-kind="chipotle_drift"]');
    await driftSignals.first().waitFor();
    await expect(signalsPanel.locator('li[data-signal-kind]').first().getAttribute('data-signal-kind')).resolves.toBe(
      'chipotle_drift',
    );
    const explanation = await driftSignals.first().locator('.signal__explanation li').allTextContents();
    expect(explanation.some((line) => line.includes('pts'))).toBe(true);

    await page.locator('.recharts-scatter').first().waitFor();
    await moveMouseAway(page);
    await page.screenshot({ path: join(resultsDir, 'dashboard.png'), fullPage: true });
  });

  it('opens a drifting area with its trend chart', async () => {
    const firstDriftingArea = page.locator('table tbody tr[data-drift-state="drift"] th a').first();
    const areaName = (await firstDriftingArea.textContent()) ?? '';
    await firstDriftingArea.click();
    await page.waitForURL(/\/areas\/[a-z0-9-]+\?month=\d{4}-\d{2}$/);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(areaName);
    const indexLines = page.locator('svg .recharts-line .recharts-line-curve');
    await indexLines.first().waitFor();
    expect(await indexLines.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('svg .drift-marker').count()).toBeGreaterThanOrEqual(1);
    driftingAreaUrl = page.url();
  });

  it('lets the admin acknowledge one of the area’s signals, and keeps it in the history', async () => {
    const panel = page.locator('section[aria-labelledby="area-signals-heading"]');
    const firstOpen = panel.locator('li[data-signal-status="open"]').first();
    await firstOpen.waitFor();
    const signal = panel.locator(`li[data-signal-id="${await firstOpen.getAttribute('data-signal-id')}"]`);

    // The month the page is about starts open; any other signal needs a click.
    const toggle = signal.locator('.signal__toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(signal.locator('.signal-history li[data-event-status="open"]').first().textContent()).resolves.toMatch(
      /Raised by the data/,
    );

    await signal.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await signal.locator('.status-badge[data-status="acknowledged"]').waitFor();
    const acknowledged = signal.locator('.signal-history li[data-event-status="acknowledged"]');
    await acknowledged.waitFor();
    await expect(acknowledged.textContent()).resolves.toContain('Acknowledged by Administrator');
    // Now acknowledged, it offers the next steps and no longer "Acknowledge".
    await signal.getByRole('button', { name: 'Resolve', exact: true }).waitFor();
    expect(await signal.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0);

    await moveMouseAway(page);
    await page.screenshot({ path: join(resultsDir, 'area.png'), fullPage: true });
  });

  it('offers the CSV import and export to the admin', async () => {
    await page.getByRole('link', { name: 'Import / export' }).click();
    await page.waitForURL((url) => url.pathname === '/import');
    await expect(page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).resolves.toBe('/api/v1/exports/metrics');
    await expect(page.getByRole('link', { name: 'Empty template' }).getAttribute('href')).resolves.toBe('/api/v1/exports/metrics?template=true');
    // Narrowed to two areas from a month on: the link says so, and the file holds just that.
    await page.getByLabel('Areas', { exact: true }).selectOption(['payments', 'checkout']);
    await page.getByLabel('From month').fill('2026-01');
    const narrowed = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(narrowed).toBe('/api/v1/exports/metrics?areas=checkout%2Cpayments&from=2026-01');
    const file = await (await page.request.get(narrowed ?? '')).text();
    const rows = file.trimEnd().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.split(',')[0]))).toEqual(new Set(['checkout', 'payments']));
    expect(rows.every((row) => (row.split(',')[2] ?? '') >= '2026-01')).toBe(true);
    await expect(page.getByRole('button', { name: 'Check' }).isDisabled()).resolves.toBe(true);
  });

  it('hands the admin the rows a check refused, as a CSV with an error column', async () => {
    const header = 'area_slug,area_name,month,revenue_target,revenue_actual,marketing_dedicated_fte,marketing_shared_fte,sales_dedicated_fte,sales_shared_fte,hires_total,hires_lead_owned,decisions_total,decisions_central,shared_service_dependencies,mandatory_processes,approval_latency_days,target_owner';
    const good = (month: string) => `payments,Payments,${month},1000,900,1,0.5,2,0,2,1,5,2,1,3,4.5,area`;
    // 520 bad rows: more than the 500 problems an answer lists, all of them in the report.
    const bad = Array.from({ length: 520 }, (_, index) => `payments,Payments,${1900 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')},"1,000",900,1,0.5,2,0,2,1,5,2,1,3,4.5,area`);
    const file = [header, good('2019-01'), ...bad].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The check found problems' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the rows with problems (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('figures_problems.csv');
    const report = readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
    expect(report[0]).toBe(`${header},error`);
    expect(report).toHaveLength(521);
    expect(report[1]).toBe(`${bad[0]},"revenue_target must be a number ≥ 0, got ""1,000"" (no thousands separators: write 1000)"`);
  });

  it('shows a large check’s progress, and its outcome after the admin left the page and came back', async () => {
    const header = 'area_slug,area_name,month,revenue_target,revenue_actual,marketing_dedicated_fte,marketing_shared_fte,sales_dedicated_fte,sales_shared_fte,hires_total,hires_lead_owned,decisions_total,decisions_central,shared_service_dependencies,mandatory_processes,approval_latency_days,target_owner';
    // 60,000 rows (about 5 MB): 600 new areas × 100 months. A check writes nothing.
    const rows = Array.from({ length: 60_000 }, (_, index) => {
      const area = Math.floor(index / 100);
      const month = index % 100;
      return `bulk-${area},Bulk ${area},${2010 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')},1000000,990000,4,1,5,1,3,2,12,3,1,2,2.5,area`;
    });
    await page.getByLabel('CSV file').setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    await expect(progress.textContent()).resolves.toMatch(/^Checking bulk\.csv: /);
    await expect(progress.locator('progress').getAttribute('max')).resolves.toBe('100');

    // Leaving the page does not stop it; coming back shows how it went.
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Import / export' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'The file is valid' });
    await outcome.waitFor({ timeout: 120_000 });
    await expect(outcome.textContent()).resolves.toContain('The file is valid: 60,000 rows.');
    await expect(outcome.textContent()).resolves.toContain('create 600 areas and 60,000 area months');
    expect((await page.request.get('/api/v1/areas/bulk-0')).status()).toBe(404);
  }, 180_000);

  it('shows the API’s refusal beside the settings field, then saves and recomputes', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL((url) => url.pathname === '/settings');
    const windowInput = page.getByLabel('Window', { exact: true });
    await expect(windowInput.inputValue()).resolves.toBe('3');

    await windowInput.fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const windowError = page.locator('.settings-field[data-path="windowMonths"] .field__error');
    await windowError.waitFor();
    await expect(windowError.textContent()).resolves.toMatch(/whole number/);
    await expect(windowInput.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/Not saved/);

    await windowInput.fill('3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved — every signal was recomputed').waitFor();
    expect(await windowError.count()).toBe(0);

    await moveMouseAway(page);
    await page.screenshot({ path: join(resultsDir, 'settings.png'), fullPage: true });
  });

  it('shows a viewer the signals and settings without any way to change them', async () => {
    const created = await page.request.post('/api/v1/users', {
      data: { email: VIEWER_EMAIL, name: 'Vera Viewer', role: 'viewer', password: VIEWER_PASSWORD },
    });
    expect(created.status()).toBe(201);

    if (!browser || !server) throw new Error('The browser and the server start in beforeAll');
    const viewerContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
    try {
      const viewer = await viewerContext.newPage();
      viewer.on('pageerror', (error) => pageErrors.push(error));
      await viewer.goto(driftingAreaUrl);
      await viewer.waitForURL(/\/sign-in\?next=/);
      await viewer.getByLabel('Email').fill(VIEWER_EMAIL);
      await viewer.getByLabel('Password').fill(VIEWER_PASSWORD);
      await viewer.getByRole('button', { name: 'Sign in' }).click();

      const panel = viewer.locator('section[aria-labelledby="area-signals-heading"]');
      const expanded = panel.locator('li[data-signal-id]:has(.signal__toggle[aria-expanded="true"])').first();
      await expanded.locator('.signal-history li').first().waitFor();
      for (const action of ['Acknowledge', 'Resolve', 'Dismiss', 'Reopen']) {
        expect(await panel.getByRole('button', { name: action, exact: true }).count()).toBe(0);
      }

      await viewer.getByRole('link', { name: 'Settings' }).click();
      const windowInput = viewer.getByLabel('Window', { exact: true });
      await expect(windowInput.getAttribute('readonly')).resolves.not.toBeNull();
      expect(await viewer.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('shows the admin the settings saved meanwhile instead of overwriting them, keeping what he typed', async () => {
    await page.goto('/settings');
    const escalation = page.getByLabel('Escalate after', { exact: true });
    await expect(escalation.inputValue()).resolves.toBe('3');

    // Another admin saves while the form is open: the same values, so no signal changes under the tests that follow.
    const current = await page.request.get('/api/v1/settings');
    const { settings } = (await current.json()) as { settings: unknown };
    const theirs = await page.request.put('/api/v1/settings', { data: settings, headers: { 'If-Match': current.headers()['etag'] ?? '' } });
    expect(theirs.status()).toBe(200);

    await escalation.fill('4');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.locator('.settings-conflict');
    // allTextContents() does not wait: the notice appears only once the 412 and the re-read are back.
    await conflict.locator('li').first().waitFor();
    await expect(conflict.locator('li').allTextContents()).resolves.toEqual(['Escalate after (drift rule): saved 3, yours 4']);
    await expect(escalation.inputValue()).resolves.toBe('4');
    await expect(readSetting(page, 'escalationAfterMonths')).resolves.toBe(3);
    await moveMouseAway(page);
    await page.locator('.settings-form__footer').screenshot({ path: join(resultsDir, 'settings-conflict.png') });

    await conflict.getByRole('button', { name: 'Use the saved settings' }).click();
    await expect(escalation.inputValue()).resolves.toBe('3');
    // The form now stands on the version it was shown, so the next save goes through.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved — every signal was recomputed').waitFor();
  });

  it('shows the second of two people deciding on a signal what the first decided, keeping her reason', async () => {
    // An open signal of an area no other test decides on.
    const drifting = new URL(driftingAreaUrl).pathname.split('/').pop();
    const listed = await page.request.get('/api/v1/signals?status=open&limit=1000');
    const { items } = (await listed.json()) as { items: { id: string; areaSlug: string }[] };
    const signal = items.find((candidate) => candidate.areaSlug !== drifting && candidate.areaSlug !== 'checkout');
    if (!signal) throw new Error('The demo has no open signal outside Checkout and the drifting area');
    const areaPath = `/areas/${signal.areaSlug}`;

    const erin = await signInAs(EXEC_EMAIL, EXEC_PASSWORD, areaPath);
    try {
      // Erin starts to dismiss it and types her reason…
      const erinSignal = await openSignal(erin.page, signal.id);
      await erinSignal.getByRole('button', { name: 'Dismiss', exact: true }).click();
      const reason = 'A planned reorganisation, reviewed with the area lead.';
      const reasonInput = erinSignal.getByLabel('Why dismiss it?');
      await reasonInput.fill(reason);

      // …while the admin, in his own browser, acknowledges it.
      await page.goto(areaPath);
      const adminSignal = await openSignal(page, signal.id);
      await adminSignal.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await adminSignal.locator('.status-badge[data-status="acknowledged"]').waitFor();

      await erinSignal.getByRole('button', { name: 'Dismiss signal' }).click();
      const conflict = erinSignal.locator('.signal-conflict');
      await expect(conflict.textContent()).resolves.toBe(
        'Your decision was not saved. Administrator changed this signal meanwhile: it is now acknowledged. Look again and decide.',
      );
      // Her screen shows the signal as it is now, and her reason is still there to send again.
      await expect(erinSignal.locator('.signal__badges .status-badge').getAttribute('data-status')).resolves.toBe('acknowledged');
      await expect(erinSignal.getAttribute('data-signal-status')).resolves.toBe('acknowledged');
      await erinSignal.locator('.signal-history li[data-event-status="acknowledged"]', { hasText: 'Administrator' }).waitFor();
      await expect(reasonInput.inputValue()).resolves.toBe(reason);
      await expect(readSignal(erin.page, signal.id)).resolves.toMatchObject({ status: 'acknowledged', statusReason: null });
      await moveMouseAway(erin.page);
      await erinSignal.screenshot({ path: join(resultsDir, 'signal-conflict.png') });

      // Having looked again, she still dismisses it: now on the version she sees.
      await erinSignal.getByRole('button', { name: 'Dismiss signal' }).click();
      await erinSignal.locator('.signal__badges .status-badge[data-status="dismissed"]').waitFor();
      expect(await conflict.count()).toBe(0);
      await expect(readSignal(erin.page, signal.id)).resolves.toMatchObject({ status: 'dismissed', statusReason: reason });
    } finally {
      await erin.context.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('lets a lead correct the latest month of an area she leads, and keeps the change in its Changes', async () => {
    if (!browser || !server) throw new Error('The browser and the server start in beforeAll');
    leadContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
    lead = await leadContext.newPage();
    lead.setDefaultTimeout(30_000);
    lead.on('pageerror', (error) => pageErrors.push(error));
    await lead.goto('/areas/checkout');
    await lead.waitForURL(/\/sign-in\?next=/);
    await lead.getByLabel('Email').fill(LEAD_EMAIL);
    await lead.getByLabel('Password').fill(LEAD_PASSWORD);
    await lead.getByRole('button', { name: 'Sign in' }).click();
    await lead.waitForURL((url) => url.pathname === '/areas/checkout');

    const figuresPanel = lead.locator('section[aria-labelledby="figures-heading"]');
    await figuresPanel.locator('dl.figures').waitFor();
    checkoutMonth = await lead.locator('.month-select select').inputValue();
    // The demo's latest month is the last complete one, so the current month can be added.
    await figuresPanel.getByRole('button', { name: `Add figures for ${monthName(nextMonth(checkoutMonth))}` }).waitFor();
    // The admin's acknowledgement earlier (Checkout is the drifting area) is already in its Changes.
    await lead.locator('section[aria-labelledby="area-changes-heading"] .change-list__item').first().waitFor();

    await figuresPanel.getByRole('button', { name: 'Edit figures' }).click();
    const editor = lead.locator('section[aria-labelledby="figures-editor-heading"]');
    const latency = editor.getByLabel('Approval latency');
    await latency.waitFor();
    await expect(editor.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Edit figures for ${monthName(checkoutMonth)}`);
    expect(await editor.locator('fieldset.figures-group').count()).toBe(6);
    expect(await editor.locator('[data-figure]').count()).toBe(14);

    const openedLatency = Number(await latency.inputValue());
    savedLatency = Math.round(openedLatency) + 4;
    await latency.fill(String(savedLatency));
    // The form checks with the contract before sending: more hires run by the lead than hires closed.
    const hiresLeadOwned = editor.getByLabel('Hires run by the lead');
    const openedLeadOwned = await hiresLeadOwned.inputValue();
    const openedHires = await editor.getByLabel('Hires closed', { exact: true }).inputValue();
    await hiresLeadOwned.fill(String(Number(openedHires) + 1));
    await editor.getByRole('button', { name: 'Save figures' }).click();
    const hiresError = editor.locator('[data-figure="hiresLeadOwned"] .field__error');
    await expect(hiresError.textContent()).resolves.toBe('Must not exceed hires closed.');
    await moveMouseAway(lead);
    await editor.screenshot({ path: join(resultsDir, 'figures-edit-form.png') });

    // Back to the hires the month had, so only the latency differs from what was opened.
    await hiresLeadOwned.fill(openedLeadOwned);
    expect(await hiresError.count()).toBe(0);
    await editor.getByRole('button', { name: 'Save figures' }).click();

    const confirmation = figuresPanel.locator('.figures-saved');
    await confirmation.waitFor();
    const confirmationText = (await confirmation.textContent()) ?? '';
    expect(confirmationText).toContain(`Saved. Updated the figures for ${monthName(checkoutMonth)}`);
    expect(confirmationText).toContain(`Drift for ${monthName(checkoutMonth)}, recomputed:`);
    expect(await confirmation.locator('[data-drift-level]').count()).toBe(1);
    expect(await editor.count()).toBe(0);
    await expect(figuresPanel.locator('dl.figures').textContent()).resolves.toContain(`${savedLatency} days`);

    const newestChange = lead.locator('section[aria-labelledby="area-changes-heading"] .change-list__item').first();
    await newestChange.waitFor();
    await expect(newestChange.locator('.change-list__what').textContent()).resolves.toBe(
      `Priya Raman updated figures for ${checkoutMonth}: approval latency ${formatNumber(openedLatency)} → ${savedLatency} days`,
    );
    await moveMouseAway(lead);
    await lead.screenshot({ path: join(resultsDir, 'figures-saved.png'), fullPage: true });
  });

  it('shows a conflict instead of overwriting figures someone saved since the form opened', async () => {
    const figuresPanel = lead.locator('section[aria-labelledby="figures-heading"]');
    await figuresPanel.getByRole('button', { name: 'Edit figures' }).click();
    const editor = lead.locator('section[aria-labelledby="figures-editor-heading"]');
    const latency = editor.getByLabel('Approval latency');
    await latency.waitFor();
    await expect(latency.inputValue()).resolves.toBe(String(savedLatency));

    // The admin saves the same month from another browser while Priya's form is open.
    const theirLatency = savedLatency + 7;
    await saveAsAdmin('checkout', checkoutMonth, { approvalLatencyDays: theirLatency });

    const myLatency = savedLatency + 2;
    await latency.fill(String(myLatency));
    await editor.getByRole('button', { name: 'Save figures' }).click();
    const conflict = editor.locator('.conflict-panel');
    await conflict.waitFor();
    await expect(conflict.getByRole('heading').textContent()).resolves.toBe(
      'Someone else changed these figures since you opened them',
    );
    const row = conflict.locator('tr[data-figure="approvalLatencyDays"]');
    await expect(row.locator('.conflict-table__theirs').textContent()).resolves.toBe(`${theirLatency} days`);
    await expect(row.locator('.conflict-table__mine').textContent()).resolves.toBe(`${myLatency} days`);
    expect(await conflict.locator('tbody tr').count()).toBe(1);
    await moveMouseAway(lead);
    await editor.screenshot({ path: join(resultsDir, 'figures-conflict.png') });

    await conflict.getByRole('button', { name: 'Use theirs' }).click();
    await expect(latency.inputValue()).resolves.toBe(String(theirLatency));
    expect(await editor.locator('.conflict-panel').count()).toBe(0);
    // Nothing of Priya's was written, and the admin's save is in the area's Changes.
    await expect(readFigure(lead, 'checkout', checkoutMonth, 'approvalLatencyDays')).resolves.toBe(String(theirLatency));
    await lead
      .locator('.change-list__item', {
        hasText: `Administrator updated figures for ${checkoutMonth}: approval latency ${savedLatency} → ${theirLatency} days`,
      })
      .first()
      .waitFor();

    // Another concurrent save, to a figure Priya leaves alone: "Keep mine" keeps both changes.
    const theirProcesses = Number(await readFigure(lead, 'checkout', checkoutMonth, 'mandatoryProcesses')) + 1;
    await saveAsAdmin('checkout', checkoutMonth, { mandatoryProcesses: theirProcesses });
    await latency.fill(String(myLatency));
    await editor.getByRole('button', { name: 'Save figures' }).click();
    await conflict.waitFor();
    await expect(conflict.locator('tr[data-figure="mandatoryProcesses"]').getAttribute('data-changed-by-me')).resolves.toBe('false');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await figuresPanel.locator('.figures-saved').waitFor();
    await expect(readFigure(lead, 'checkout', checkoutMonth, 'approvalLatencyDays')).resolves.toBe(String(myLatency));
    await expect(readFigure(lead, 'checkout', checkoutMonth, 'mandatoryProcesses')).resolves.toBe(String(theirProcesses));
  });

  it('lets the lead add the current month, prefilled from the latest and with its planned target', async () => {
    const added = nextMonth(checkoutMonth);
    // The demo plans each area's next quarter ahead of its figures.
    const plannedTarget = await readPlannedTarget(lead, 'checkout', added);
    expect(String(plannedTarget)).not.toBe(await readFigure(lead, 'checkout', checkoutMonth, 'revenueTarget'));

    const figuresPanel = lead.locator('section[aria-labelledby="figures-heading"]');
    await figuresPanel.getByRole('button', { name: `Add figures for ${monthName(added)}` }).click();
    const editor = lead.locator('section[aria-labelledby="figures-editor-heading"]');
    await expect(editor.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Add figures for ${monthName(added)}`);
    const latency = editor.getByLabel('Approval latency');
    await latency.waitFor();
    await expect(latency.inputValue()).resolves.toBe(await readFigure(lead, 'checkout', checkoutMonth, 'approvalLatencyDays'));
    // The target is the one planned for the new month, not a copy of the latest month's, and the form says so.
    await expect(editor.getByLabel('Revenue target', { exact: true }).inputValue()).resolves.toBe(String(plannedTarget));
    await expect(editor.locator('[data-figure="revenueTarget"] .figures-field__note').textContent()).resolves.toBe(
      `Prefilled with the planned target for ${monthName(added)}: ${formatNumber(plannedTarget)}.`,
    );
    // This month's flows are not copied from the latest month: they are entered.
    for (const label of ['Revenue actual', 'Hires closed', 'Hires run by the lead', 'Material decisions', 'Decisions needing central sign-off']) {
      await expect(editor.getByLabel(label, { exact: true }).inputValue(), label).resolves.toBe('');
    }
    await moveMouseAway(lead);
    await editor.locator('fieldset.figures-group').first().screenshot({ path: join(resultsDir, 'figures-planned-target.png') });
    // Saving without them names each one.
    await editor.getByRole('button', { name: 'Save figures' }).click();
    await expect(editor.locator('[data-figure="revenueActual"] .field__error').textContent()).resolves.toBe('Enter a number.');
    await editor.getByLabel('Revenue actual', { exact: true }).fill('1210000');
    await editor.getByLabel('Hires closed', { exact: true }).fill('2');
    await editor.getByLabel('Hires run by the lead', { exact: true }).fill('1');
    await editor.getByLabel('Material decisions', { exact: true }).fill('8');
    await editor.getByLabel('Decisions needing central sign-off', { exact: true }).fill('3');
    await editor.getByRole('button', { name: 'Save figures' }).click();

    await lead.waitForURL((url) => url.searchParams.get('month') === added);
    await expect(lead.locator('.figures-saved').textContent()).resolves.toContain(`Added the figures for ${monthName(added)}`);
    await lead.locator('.change-list__item', { hasText: `Priya Raman added figures for ${added}` }).first().waitFor();
    await expect(readFigure(lead, 'checkout', added, 'revenueTarget')).resolves.toBe(String(plannedTarget));
  });

  it('keeps everyone on the last month most areas reported, and offers the month in progress with its coverage', async () => {
    // Priya's month is the only one of the ten demo areas' figures for it so far.
    const inProgress = nextMonth(checkoutMonth);
    await page.goto('/');
    const areasPanel = page.locator('section[aria-labelledby="areas-heading"]');
    await areasPanel.waitFor();
    const picker = page.locator('.page-header .month-select select');
    await expect(picker.inputValue()).resolves.toBe(checkoutMonth);
    await expect(areasPanel.locator('.panel__header p').textContent()).resolves.toContain(
      `10 of 10 areas reported for ${monthName(checkoutMonth)}`,
    );
    await expect(picker.locator(`option[value="${inProgress}"]`).textContent()).resolves.toBe(
      `${monthName(inProgress)} · 1 of 10 reported`,
    );

    await picker.selectOption(inProgress);
    await page.waitForURL((url) => url.searchParams.get('month') === inProgress);
    // The previous month stays on screen until the chosen one has loaded.
    await areasPanel.locator('.panel__header p', { hasText: `1 of 10 areas reported for ${monthName(inProgress)}` }).waitFor();
    // Drift or not, the headline says how many reported.
    await expect(page.locator('.headline').textContent()).resolves.toContain('1 of 10');
    const notReported = page.getByRole('list', { name: 'Not reported' });
    await notReported.waitFor();
    expect(await notReported.getByRole('link').count()).toBe(9);
    await expect(notReported.getByRole('link', { name: 'Checkout' }).count()).resolves.toBe(0);
    await moveMouseAway(page);
    await page.screenshot({ path: join(resultsDir, 'portfolio-month-in-progress.png'), fullPage: true });

    // Starting its review is allowed, with a warning of what the pack will show.
    await page.getByRole('link', { name: 'Start it', exact: true }).click();
    const form = page.locator('section.start-review');
    await form
      .getByText(`Only 1 of 10 areas reported for ${monthName(inProgress)} — the review will show 9 as not reported.`)
      .waitFor();
    await expect(form.getByLabel('Month', { exact: true }).inputValue()).resolves.toBe(inProgress);
    await form.getByLabel('Month', { exact: true }).selectOption(checkoutMonth);
    await form.getByText('All 10 areas reported.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lets the lead remove a month entered by mistake, after asking, and keeps it in the Changes', async () => {
    const added = nextMonth(checkoutMonth);
    const figuresPanel = lead.locator('section[aria-labelledby="figures-heading"]');
    await figuresPanel.getByRole('button', { name: 'Remove these figures' }).click();
    const question = figuresPanel.locator('.remove-figures');
    await expect(question.locator('.notice__title').textContent()).resolves.toBe(`Remove the figures for ${monthName(added)}?`);
    // Changing her mind keeps them.
    await question.getByRole('button', { name: 'Keep them' }).click();
    await figuresPanel.getByRole('button', { name: 'Remove these figures' }).click();
    await figuresPanel.getByRole('button', { name: `Remove ${monthName(added)}` }).click();

    const removed = figuresPanel.locator('.figures-removed');
    await removed.waitFor();
    await expect(removed.textContent()).resolves.toBe(`The figures for ${monthName(added)} were removed.`);
    expect(await figuresPanel.locator('.figures-saved').count()).toBe(0);
    await lead.waitForURL((url) => url.searchParams.get('month') === checkoutMonth);
    await figuresPanel.locator('#figures-heading', { hasText: `Figures for ${monthName(checkoutMonth)}` }).waitFor();
    await lead.locator('.change-list__item', { hasText: `Priya Raman removed the figures for ${added}` }).first().waitFor();
    expect((await lead.request.get(`/api/v1/areas/checkout/months/${added}`)).status()).toBe(404);
  });

  it('checks a lead’s spreadsheet-made file: skips other areas’ rows and names what it ignored', async () => {
    await lead.getByRole('link', { name: 'Import / export' }).click();
    await lead.waitForURL((url) => url.pathname === '/import');
    const columns = [
      'Area Slug', 'Area Name', 'Month', 'Revenue Target', 'Revenue Actual', 'Marketing Dedicated FTE', 'Marketing Shared FTE',
      'Sales Dedicated FTE', 'Sales Shared FTE', 'Hires Total', 'Hires Lead Owned', 'Decisions Total', 'Decisions Central',
      'Shared Service Dependencies', 'Mandatory Processes', 'Approval Latency Days', 'Target Owner',
    ];
    const figures = '1000000,990000,3.4000000000000004,1,4,1,3,2,10,2,1,2,2.5,Area';
    const file = [`${columns.join(',')},Region`, `payments,Payments,Jan-19,${figures},EMEA`, `mobile,Mobile,2019-01-01,${figures},EMEA`].join('\r\n');
    await lead.getByLabel('CSV file').setInputFiles({ name: 'from-excel.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${file}\r\n`) });
    // A lead's usual file is the whole export, so only her areas' rows are taken unless she says otherwise.
    await expect(lead.getByLabel(/Only my areas’ rows/).isChecked()).resolves.toBe(true);
    await lead.getByRole('button', { name: 'Check', exact: true }).click();
    const outcome = lead.getByRole('status').filter({ hasText: 'The file is valid' });
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toContain('The file is valid: 1 row.');
    await expect(lead.getByTestId('import-skipped').textContent()).resolves.toBe('Skipped the rows of 1 area you do not lead: mobile (1 row).');
    await expect(lead.getByTestId('import-warnings').textContent()).resolves.toContain('column "Region" is not part of the import format; its values were ignored');
    // The preview: Payments gets one new month (January 2019), and the table says so.
    const payments = lead.getByTestId('import-preview').locator('tr[data-area="payments"]');
    await expect(payments.locator('td').allTextContents()).resolves.toEqual(['1', '0', '0', '—']);

    // Without the box, the file is refused in words, naming the other area.
    await lead.getByLabel(/Only my areas’ rows/).uncheck();
    await lead.getByRole('button', { name: 'Check', exact: true }).click();
    const refusal = lead.getByRole('alert').filter({ hasText: 'The check found problems' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/the file also has rows for another area: mobile \(1 row\)/);
    await expect(refusal.textContent()).resolves.not.toMatch(/metrics\.import/);
  });

  it('offers the lead no way to edit an area she does not lead', async () => {
    await lead.goto('/areas/search');
    const figuresPanel = lead.locator('section[aria-labelledby="figures-heading"]');
    await figuresPanel.locator('dl.figures').waitFor();
    expect(await lead.getByRole('button', { name: 'Edit figures' }).count()).toBe(0);
    expect(await lead.getByRole('button', { name: /^Add figures for/ }).count()).toBe(0);

    // And the API agrees, whatever the page shows.
    const month = await lead.locator('.month-select select').inputValue();
    const current = await lead.request.get(`/api/v1/areas/search/months/${month}`);
    const refused = await lead.request.put(`/api/v1/areas/search/months/${month}`, {
      data: figuresOf(await current.json()),
      headers: { 'If-Match': current.headers()['etag'] ?? '' },
    });
    expect(refused.status()).toBe(403);

    await leadContext?.close();
    expect(pageErrors).toEqual([]);
  });

  it('lets the admin give an area two leads, and names both in its header', async () => {
    await page.goto(`/areas/${SHARED_AREA}`);
    const leadsLine = page.locator('.area-details__leads');
    await expect(leadsLine.textContent()).resolves.toBe('No lead assigned');

    await page.getByRole('button', { name: 'Edit area' }).click();
    const editor = page.locator('section[aria-labelledby="area-editor-heading"]');
    const leads = editor.getByRole('group', { name: 'Leads' });
    await leads.getByLabel('Priya Raman').check();
    await leads.getByLabel('Marcus Chen').check();
    // Only area leads and admins can lead: the executive and the viewer are not offered.
    expect(await leads.getByLabel('Erin Executive').count()).toBe(0);
    expect(await leads.getByLabel('Vera Viewer').count()).toBe(0);
    await expect(editor.getByLabel('Status').inputValue()).resolves.toBe('active');
    await moveMouseAway(page);
    await editor.screenshot({ path: join(resultsDir, 'area-edit-form.png') });
    await editor.getByRole('button', { name: 'Save area' }).click();

    await page.locator('.area-details-saved').waitFor();
    expect(await editor.count()).toBe(0);
    await expect(leadsLine.textContent()).resolves.toBe(`Leads: ${MARCUS_EMAIL}, ${LEAD_EMAIL}`);
    const saved = await page.request.get(`/api/v1/areas/${SHARED_AREA}`);
    await expect(saved.json()).resolves.toMatchObject({ leadEmails: [MARCUS_EMAIL, LEAD_EMAIL] });
  });

  it('lets one lead change the description, and shows the other the conflict instead of overwriting it', async () => {
    priya = await signInAs(LEAD_EMAIL, LEAD_PASSWORD, `/areas/${SHARED_AREA}`);
    const marcus = await signInAs(MARCUS_EMAIL, MARCUS_PASSWORD, `/areas/${SHARED_AREA}`);
    try {
      // Both open the form on the same version of the area.
      const marcusEditor = await openAreaEditor(marcus.page);
      const priyaEditor = await openAreaEditor(priya.page);
      // A lead changes name and description; the leads and the status are the admin's.
      expect(await priyaEditor.getByRole('group', { name: 'Leads' }).count()).toBe(0);
      expect(await priyaEditor.getByLabel('Status').count()).toBe(0);

      const marcusText = 'Public APIs, SDKs and the partner portal; now run by two leads.';
      await marcusEditor.getByLabel('Description').fill(marcusText);
      await marcusEditor.getByRole('button', { name: 'Save area' }).click();
      await marcus.page.locator('.area-details-saved').waitFor();
      await expect(marcus.page.locator('.area-details p').first().textContent()).resolves.toBe(marcusText);

      const priyaText = 'Public APIs, SDKs and the developer portal, with partner onboarding.';
      const description = priyaEditor.getByLabel('Description');
      await description.fill(priyaText);
      await priyaEditor.getByRole('button', { name: 'Save area' }).click();
      const conflict = priyaEditor.locator('.conflict-panel');
      await conflict.waitFor();
      await expect(conflict.getByRole('heading').textContent()).resolves.toBe('Someone else changed this area since you opened it');
      const row = conflict.locator('tr[data-field="description"]');
      await expect(row.locator('.area-conflict__theirs').textContent()).resolves.toBe(marcusText);
      await expect(row.locator('.area-conflict__mine').textContent()).resolves.toBe(priyaText);
      // What she typed is still in the form, and nothing of hers was written.
      await expect(description.inputValue()).resolves.toBe(priyaText);
      await expect(readAreaField(priya.page, SHARED_AREA, 'description')).resolves.toBe(marcusText);
      await moveMouseAway(priya.page);
      await priyaEditor.screenshot({ path: join(resultsDir, 'area-conflict.png') });

      await conflict.getByRole('button', { name: 'Keep mine' }).click();
      await priya.page.locator('.area-details-saved').waitFor();
      await expect(readAreaField(priya.page, SHARED_AREA, 'description')).resolves.toBe(priyaText);
    } finally {
      await marcus.context.close();
    }
  });

  it('lets a lead set a target for a range with a reason, and shows it in the target history', async () => {
    if (!priya) throw new Error('Priya signs in in the previous test');
    const lead = priya.page;
    const panel = lead.locator('section[aria-labelledby="targets-heading"]');
    await panel.locator('.target-history').waitFor();
    await panel.getByRole('button', { name: 'Set a target' }).click();
    await panel.getByLabel('A range of months').check();

    // Well beyond the demo's planned quarter, so these months are this test's own.
    const from = addMonthsTo(monthOfToday(), 13);
    const to = addMonthsTo(from, 2);
    const reason = 'Enterprise launch moved into this quarter';
    await panel.getByLabel('From').fill(to);
    await panel.getByLabel('To', { exact: true }).fill(from);
    await panel.getByLabel('Revenue target', { exact: true }).fill('777000');
    await panel.getByLabel('Reason').fill(reason);
    await panel.getByRole('button', { name: 'Save target' }).click();
    // Checked with the contract's rule before anything is sent.
    const toError = panel.locator('[data-target-field="to"] .field__error');
    await expect(toError.textContent()).resolves.toBe('Must not be before the first month.');

    await panel.getByLabel('From').fill(from);
    await panel.getByLabel('To', { exact: true }).fill(to);
    expect(await toError.count()).toBe(0);
    await moveMouseAway(lead);
    await panel.screenshot({ path: join(resultsDir, 'targets-form.png') });
    await panel.getByRole('button', { name: 'Save target' }).click();

    const range = `${shortMonthName(from)} \u2013 ${shortMonthName(to)}`;
    await expect(panel.locator('.target-saved').textContent()).resolves.toContain(
      `The revenue target for ${range} is now 777,000`,
    );
    const newest = panel.locator('.target-change').first();
    await expect(newest.locator('.target-change__range').textContent()).resolves.toBe(range);
    await expect(newest.locator('.target-change__values').textContent()).resolves.toBe('no target → 777,000');
    await expect(newest.locator('.target-change__reason').textContent()).resolves.toBe(`\u201c${reason}\u201d`);
    await expect(newest.locator('.target-change__actor').textContent()).resolves.toBe('Priya Raman');
    for (const month of [from, addMonthsTo(from, 1), to]) {
      await expect(panel.locator(`.planned-targets tr[data-month="${month}"] td`).textContent()).resolves.toBe('777,000');
    }
    await moveMouseAway(lead);
    await panel.screenshot({ path: join(resultsDir, 'targets-history.png') });
    await priya.context.close();
  });

  it('shows a viewer the area’s leads and targets without any way to change them', async () => {
    const viewer = await signInAs(VIEWER_EMAIL, VIEWER_PASSWORD, `/areas/${SHARED_AREA}`);
    try {
      const panel = viewer.page.locator('section[aria-labelledby="targets-heading"]');
      await panel.locator('.target-change').first().waitFor();
      await expect(viewer.page.locator('.area-details__leads').textContent()).resolves.toBe(`Leads: ${MARCUS_EMAIL}, ${LEAD_EMAIL}`);
      for (const action of ['Edit area', 'Set a target', 'Edit figures']) {
        expect(await viewer.page.getByRole('button', { name: action }).count()).toBe(0);
      }
      // And the API agrees, whatever the page shows.
      const refused = await viewer.page.request.post(`/api/v1/areas/${SHARED_AREA}/targets`, {
        data: { from: monthOfToday(), revenueTarget: 1, reason: 'Not mine to set' },
      });
      expect(refused.status()).toBe(403);
      await expect(refused.json()).resolves.toMatchObject({ detail: 'Only Developer Platform’s leads and admins can set Developer Platform’s revenue targets.' });
    } finally {
      await viewer.context.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/** A browser of the person's own, signed in and on `path`. */
async function signInAs(email: string, password: string, path: string): Promise<SignedIn> {
  if (!browser || !server) throw new Error('The browser and the server start in beforeAll');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
  const signedIn = await context.newPage();
  signedIn.setDefaultTimeout(30_000);
  signedIn.on('pageerror', (error) => pageErrors.push(error));
  await signedIn.goto(path);
  await signedIn.waitForURL(/\/sign-in\?next=/);
  await signedIn.getByLabel('Email').fill(email);
  await signedIn.getByLabel('Password').fill(password);
  await signedIn.getByRole('button', { name: 'Sign in' }).click();
  await signedIn.waitForURL((url) => url.pathname === path);
  return { context, page: signedIn };
}

/** Opens "Edit area" and waits until the form holds the area it read. */
async function openAreaEditor(target: Page) {
  await target.getByRole('button', { name: 'Edit area' }).click();
  const editor = target.locator('section[aria-labelledby="area-editor-heading"]');
  await editor.getByLabel('Description').waitFor();
  return editor;
}

/** Opens a signal on its area's page (the page's own month starts open) and waits for its buttons. */
async function openSignal(target: Page, id: string) {
  const signal = target.locator(`section[aria-labelledby="area-signals-heading"] li[data-signal-id="${id}"]`);
  const toggle = signal.locator('.signal__toggle');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await signal.locator('.signal-actions').waitFor();
  return signal;
}

/** A signal as stored, read through the API as the given browser. */
async function readSignal(target: Page, id: string): Promise<unknown> {
  const response = await target.request.get(`/api/v1/signals/${id}`);
  return response.json();
}

/** One drift setting as stored, read through the API as the given browser. */
async function readSetting(target: Page, name: string): Promise<unknown> {
  const response = await target.request.get('/api/v1/settings');
  const body = (await response.json()) as { settings: Record<string, unknown> };
  return body.settings[name];
}

/** The revenue target planned for a month without figures; fails the test when none is planned. */
async function readPlannedTarget(target: Page, slug: string, month: string): Promise<number> {
  const response = await target.request.get(`/api/v1/areas/${slug}/targets`);
  const body = (await response.json()) as { months: { month: string; revenueTarget: number; planned: boolean }[] };
  const planned = body.months.find((candidate) => candidate.month === month);
  if (!planned?.planned) throw new Error(`No target is planned for ${slug} in ${month}`);
  return planned.revenueTarget;
}

/** One of an area's fields as stored, read through the API as the given browser. */
async function readAreaField(target: Page, slug: string, field: string): Promise<string> {
  const response = await target.request.get(`/api/v1/areas/${slug}`);
  const body = (await response.json()) as Record<string, unknown>;
  return String(body[field]);
}

/** The fourteen figures of an area month as the API returns it: what a PUT takes. */
function figuresOf(areaMonth: Record<string, unknown>): Record<string, unknown> {
  const { areaSlug: _areaSlug, month: _month, version: _version, updatedAt: _updatedAt, ...figures } = areaMonth;
  return figures;
}

/** A concurrent edit: the admin reads the month's ETag and saves a change with it. */
async function saveAsAdmin(slug: string, month: string, change: Record<string, unknown>): Promise<void> {
  const url = `/api/v1/areas/${slug}/months/${month}`;
  const current = await page.request.get(url);
  expect(current.status()).toBe(200);
  const etag = current.headers()['etag'];
  if (!etag) throw new Error(`GET ${url} sent no ETag`);
  const saved = await page.request.put(url, {
    data: { ...figuresOf(await current.json()), ...change },
    headers: { 'If-Match': etag },
  });
  expect(saved.status()).toBe(200);
}

/** One figure as stored, read through the API as the given browser. */
async function readFigure(target: Page, slug: string, month: string, figure: string): Promise<string> {
  const response = await target.request.get(`/api/v1/areas/${slug}/months/${month}`);
  const body = (await response.json()) as Record<string, unknown>;
  return String(body[figure]);
}

function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function nextMonth(month: string): string {
  const [year = 0, monthNumber = 0] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthNumber, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2027-01` → `Jan 2027`, as the target history names months. */
function shortMonthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function monthOfToday(): string {
  const today = new Date();
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
}

function addMonthsTo(month: string, count: number): string {
  let result = month;
  for (let step = 0; step < count; step += 1) result = nextMonth(result);
  return result;
}

function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** A pointer left over a chart or row shows a tooltip or hover colour in the screenshot. */
async function moveMouseAway(target: Page): Promise<void> {
  await target.mouse.move(0, 0);
}
