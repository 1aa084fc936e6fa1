/**
 * The dashboard as a person sees it: the real API (with its demo data) serving the built app,
 * driven in Debian's Chromium. Needs `vite build` first (dist/ is what the API serves).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { healthSchema, type Health } from '@autonomy/contracts';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const apiRoot = join(repoRoot, 'apps', 'api');
const tsxBinary = join(repoRoot, 'node_modules', '.bin', 'tsx');
const resultsDir = join(webRoot, 'test-results');

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'e2e-admin-password';
const VIEWER_EMAIL = 'viewer@example.com';
const VIEWER_PASSWORD = 'e2e-viewer-password';
/** The demo lead of Payments, Checkout and Billing (the demo seed's account). */
const LEAD_EMAIL = 'priya.raman@demo.example';
const LEAD_PASSWORD = 'demo-lead-priya';
const HEALTH_DEADLINE_MS = 60_000;

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

beforeAll(async () => {
  if (!existsSync(join(webRoot, 'dist', 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `pnpm --filter @autonomy/web build` before the browser test.');
  }
  server = await startServer();

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(error));
  mkdirSync(resultsDir, { recursive: true });
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
    await expect(page.getByRole('button', { name: 'Check' }).isDisabled()).resolves.toBe(true);
  });

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

  it('lets the lead add the current month, prefilled from the latest', async () => {
    const added = nextMonth(checkoutMonth);
    const figuresPanel = lead.locator('section[aria-labelledby="figures-heading"]');
    await figuresPanel.getByRole('button', { name: `Add figures for ${monthName(added)}` }).click();
    const editor = lead.locator('section[aria-labelledby="figures-editor-heading"]');
    await expect(editor.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Add figures for ${monthName(added)}`);
    const latency = editor.getByLabel('Approval latency');
    await latency.waitFor();
    await expect(latency.inputValue()).resolves.toBe(await readFigure(lead, 'checkout', checkoutMonth, 'approvalLatencyDays'));
    await editor.getByRole('button', { name: 'Save figures' }).click();

    await lead.waitForURL((url) => url.searchParams.get('month') === added);
    await expect(lead.locator('.figures-saved').textContent()).resolves.toContain(`Added the figures for ${monthName(added)}`);
    await lead.locator('.change-list__item', { hasText: `Priya Raman added figures for ${added}` }).first().waitFor();
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
});

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

function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** A pointer left over a chart or row shows a tooltip or hover colour in the screenshot. */
async function moveMouseAway(target: Page): Promise<void> {
  await target.mouse.move(0, 0);
}

// ---- The real server, in a child process --------------------------------------------------------

interface RunningServer {
  baseUrl: string;
  health: Health;
  stop(): Promise<void>;
}

async function startServer(): Promise<RunningServer> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'autonomy-e2e-'));
  const database = process.env.DATABASE_URL ? createTestDatabase(process.env.DATABASE_URL) : undefined;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  // Its own process group, so stop() can end tsx and the node process it starts, and nothing else.
  const child = spawn(tsxBinary, ['src/server.ts'], { cwd: apiRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    await stopProcessGroup(child);
    database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const health = await waitForHealth(baseUrl, child, output);
    return { baseUrl, health, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not read the probe port'));
      });
    });
  });
}

/** A database of this run's own on the given server; the API creates and drops nothing itself. */
function createTestDatabase(serverUrl: string): { url: string; drop(): void } {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [serverUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `create database ${name}`], { stdio: 'pipe' });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => {
      execFileSync('psql', [serverUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `drop database if exists ${name} with (force)`], {
        stdio: 'pipe',
      });
    },
  };
}

/** The server's last output, kept for the error message when it does not come up. */
function captureOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<Health> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return healthSchema.parse(await response.json());
      lastProblem = `GET /api/health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API was not healthy within ${HEALTH_DEADLINE_MS / 1000} s (${lastProblem}):\n${output()}`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const groupId = child.pid;
  if (groupId === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-groupId, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const stoppedInTime = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
  ]);
  if (!stoppedInTime) {
    signalGroup('SIGKILL');
    await exited;
  }
}
