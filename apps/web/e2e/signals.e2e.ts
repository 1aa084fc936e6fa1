/**
 * Triage of signals as incidents, as an executive and an area lead use it: the Signals page lists
 * the running incidents most severe and oldest first, the executive acknowledges the demo's two
 * Chipotle drifts in one go with one reason, and the lead of one of them adds context as a comment.
 * The real API with its demo data, in Debian's Chromium.
 */
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, IncidentDetail, SignalList } from '@autonomy/contracts';
import { findAccessibilityViolations } from './support/axe.ts';
import { launchChromium, requireBuiltApp, resultsDir } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { moveMouseAway, signInAsApiClient, signInInBrowser } from './support/sign-in.ts';

const ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };
const EXEC = { email: 'exec@demo.example', password: 'demo-exec-2024' };
const EXEC_NAME = 'Erin Executive';
/** The demo lead of Checkout (one of the two drifting areas). */
const PRIYA = { email: 'priya.raman@demo.example', password: 'demo-lead-priya' };
const REASON = 'Both re-platforming onto the shared stack; revisit at the March review';
const COMMENT = 'Our recruiter moves back to the team in January.';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let adminApi: APIRequestContext | undefined;
const pageErrors: Error[] = [];

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

async function getJson<T>(path: string): Promise<T> {
  const response = await adminApi!.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function openIncidents(): Promise<Incident[]> {
  return (await getJson<{ items: Incident[] }>('/api/v1/incidents?status=open&limit=1000')).items;
}

/** The incident ids of the table's rows, top to bottom. */
function rowIds(page: Page): Promise<(string | null)[]> {
  return page.locator('tr[data-incident-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-incident-id')));
}

describe('triage of signals', () => {
  it('lets an executive acknowledge several running incidents at once with one reason', async () => {
    const { page } = await signInInBrowser(browser!, server!.baseUrl, EXEC, pageErrors);
    const open = await openIncidents();
    const drifts = open.filter((incident) => incident.kind === 'chipotle_drift');
    // The demo has two areas in Chipotle drift, and other open findings beside them.
    expect(drifts.map((incident) => incident.areaSlug).sort()).toEqual(['checkout', 'mobile']);
    expect(open.length).toBeGreaterThan(drifts.length);

    await page.getByRole('link', { name: 'Signals', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/signals');
    await page.getByRole('heading', { level: 1, name: 'Signals' }).waitFor();
    await page.locator('tr[data-incident-id]').first().waitFor();
    // Most severe first, then oldest: the API's order, all of the open ones.
    expect(await rowIds(page)).toEqual(open.map((incident) => incident.id));
    expect(await findAccessibilityViolations(page, '#main')).toEqual([]);

    await page.getByLabel('Finding').selectOption('chipotle_drift');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'chipotle_drift');
    await expect.poll(() => rowIds(page)).toEqual(drifts.map((incident) => incident.id));
    await page.getByRole('checkbox', { name: 'Select every signal shown' }).check();
    await page.getByText('2 signals selected').waitFor();
    await page.getByLabel('Reason (needed to dismiss)').fill(REASON);
    await moveMouseAway(page);
    await page.screenshot({ path: join(resultsDir, 'signals-triage.png'), fullPage: true });
    await page.getByRole('button', { name: 'Acknowledge 2 signals' }).click();
    await page.getByText(`Acknowledged 2 signals (${EXEC_NAME}).`).waitFor();
    // Other open findings remain, just not Chipotle drift ones.
    await page.getByText('No signal matches these filters').waitFor();

    // Saved for both, and each month's signal shows the incident's decision.
    const after = await Promise.all(drifts.map((incident) => getJson<IncidentDetail>(`/api/v1/incidents/${incident.id}`)));
    expect(after.map((incident) => [incident.status, incident.statusReason])).toEqual([
      ['acknowledged', REASON],
      ['acknowledged', REASON],
    ]);
    const latest = drifts[0]!.latestMonth;
    const month = await getJson<SignalList>(`/api/v1/signals?month=${latest}&kind=chipotle_drift&limit=1000`);
    expect(month.items.filter((signal) => signal.areaSlug === drifts[0]!.areaSlug).map((signal) => [signal.status, signal.incidentId])).toEqual([
      ['acknowledged', drifts[0]!.id],
    ]);
    expect((await openIncidents()).map((incident) => incident.id)).toEqual(open.filter((incident) => incident.kind !== 'chipotle_drift').map((incident) => incident.id));

    // Under Acknowledged, with the reason in the history.
    await page.getByLabel('Status').selectOption('acknowledged');
    await expect.poll(() => rowIds(page)).toEqual(drifts.map((incident) => incident.id));
    await page.locator(`tr[data-incident-id="${drifts[0]!.id}"]`).getByRole('button', { name: /the months and history of/ }).click();
    const history = page.locator(`[data-incident-panel="${drifts[0]!.id}"] li[data-event-action="acknowledged"]`);
    await history.waitFor();
    expect(await history.innerText()).toContain(EXEC_NAME);
    expect(await history.innerText()).toContain(REASON);
    expect(pageErrors).toEqual([]);
  });

  it('lets an area’s lead add context to its signal, and nothing more', async () => {
    const checkout = (await getJson<{ items: Incident[] }>('/api/v1/incidents?area=checkout&kind=chipotle_drift')).items[0]!;
    const { page } = await signInInBrowser(browser!, server!.baseUrl, PRIYA, pageErrors);
    // Her landing page names her areas' running signals, as the API has them for her.
    await page.waitForURL((url) => url.pathname === '/my-areas');
    const hers = await signInAsApiClient(server!.baseUrl, PRIYA);
    const running = ((await (await hers.get('/api/v1/incidents?status=unresolved&lead=me')).json()) as { items: Incident[] }).items;
    await hers.dispose();
    expect(running.map((incident) => incident.id)).toContain(checkout.id);
    await page.locator(`li[data-incident-id="${checkout.id}"]`).waitFor();
    expect(await page.locator('li[data-incident-id]').count()).toBe(running.length);

    await page.goto('/signals?status=unresolved&area=checkout');
    await page.locator(`tr[data-incident-id="${checkout.id}"]`).waitFor();
    // Leads do not decide: no selection, no bulk form.
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Acknowledge/ }).count()).toBe(0);

    await page.locator(`tr[data-incident-id="${checkout.id}"]`).getByRole('button', { name: /the months and history of/ }).click();
    const panel = page.locator(`[data-incident-panel="${checkout.id}"]`);
    await panel.getByLabel('Add a comment').fill(COMMENT);
    await panel.getByRole('button', { name: 'Add comment' }).click();
    await panel.locator('li[data-event-action="commented"]').getByText(COMMENT).waitFor();
    expect(await findAccessibilityViolations(page, '#main')).toEqual([]);

    const detail = await getJson<IncidentDetail>(`/api/v1/incidents/${checkout.id}`);
    expect(detail.history.filter((event) => event.action === 'commented').map((event) => [event.actor?.email, event.comment])).toEqual([
      [PRIYA.email, COMMENT],
    ]);
    expect(detail.status).toBe(checkout.status);
    expect(pageErrors).toEqual([]);
  });
});
