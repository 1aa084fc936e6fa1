/**
 * The Access page as people use it: an admin adds, deactivates and reactivates an account; the
 * person concerned feels it in their own browser; anyone creates, uses and revokes an API token.
 * The real API serves the built app (`vite build` first), driven in Debian's Chromium.
 */
import { join } from 'node:path';
import { request, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, requireBuiltApp, resultsDir } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'e2e-admin-password';
const VIEWER_EMAIL = 'vera@example.com';
const VIEWER_NAME = 'Vera Viewer';
const VIEWER_PASSWORD = 'vera-first-password';

let server: RunningServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const pageErrors: Error[] = [];
let admin: Page;
let viewer: Page;

beforeAll(async () => {
  requireBuiltApp();
  server = await startServer({ adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD });
  browser = await launchChromium();
  admin = await signInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('the Access page', () => {
  it('is in the header for everyone, with the Users section for admins', async () => {
    await admin.getByRole('link', { name: 'Access', exact: true }).click();
    await admin.waitForURL((url) => url.pathname === '/access');
    await admin.getByRole('heading', { name: 'My API tokens' }).waitFor();
    // The demo seed's accounts and the first admin are listed, with the areas each leads.
    const priya = usersPanel(admin).locator('tr[data-user-email="priya.raman@demo.example"]');
    await priya.waitFor();
    await expect(priya.getByRole('link', { name: 'checkout' }).getAttribute('href')).resolves.toBe('/areas/checkout');
    await expect(usersPanel(admin).locator(`tr[data-user-email="${ADMIN_EMAIL}"]`).textContent()).resolves.toContain('(you)');
  });

  it('lets an admin add a viewer, explaining what it refuses beside the field', async () => {
    await usersPanel(admin).getByRole('button', { name: 'Add a user' }).click();
    const form = admin.locator('form.new-user-form');
    await form.getByLabel('Email').fill(VIEWER_EMAIL);
    await form.getByLabel('Name', { exact: true }).fill(VIEWER_NAME);
    await form.getByLabel('Password').fill('too-short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.locator('[data-field="password"] .field__error').textContent()).resolves.toBe('Must be at least 10 characters.');
    await expect(form.getByLabel('Password').getAttribute('aria-invalid')).resolves.toBe('true');

    // An email already taken is the server's to refuse (409), in its own words.
    await form.getByLabel('Email').fill(ADMIN_EMAIL);
    await form.getByLabel('Password').fill(VIEWER_PASSWORD);
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain(`A user with the email ${ADMIN_EMAIL} already exists.`);

    await form.getByLabel('Email').fill(VIEWER_EMAIL);
    await expect(form.getByLabel('Role').inputValue()).resolves.toBe('viewer');
    await form.getByRole('button', { name: 'Add user' }).click();
    await admin.getByText(`Added ${VIEWER_NAME} (${VIEWER_EMAIL}) as viewer.`).waitFor();
    const row = usersPanel(admin).locator(`tr[data-user-email="${VIEWER_EMAIL}"]`);
    await expect(row.locator('.users-table__status').textContent()).resolves.toBe('Active');
    await moveMouseAway(admin);
    await admin.screenshot({ path: join(resultsDir, 'access-users.png'), fullPage: true });
  });

  it('lets the new viewer sign in, and shows them their tokens but not the users', async () => {
    viewer = await signInAs(VIEWER_EMAIL, VIEWER_PASSWORD);
    await expect(viewer.locator('.app-header').textContent()).resolves.toContain(VIEWER_NAME);
    await viewer.getByRole('link', { name: 'Access', exact: true }).click();
    await viewer.getByText('You have no API tokens yet').waitFor();
    expect(await viewer.getByRole('heading', { name: 'Users' }).count()).toBe(0);
  });

  it('deactivates the viewer after a warning, and the viewer’s next request goes to sign-in', async () => {
    const editor = await openUserEditor(admin, VIEWER_NAME, VIEWER_EMAIL);
    await editor.getByRole('button', { name: 'Deactivate…' }).click();
    const confirmation = editor.getByRole('group', { name: `Deactivate ${VIEWER_NAME}?` });
    const warning = (await confirmation.textContent()) ?? '';
    expect(warning).toMatch(/signed out everywhere/);
    expect(warning).toMatch(/API token/);
    await moveMouseAway(admin);
    await editor.screenshot({ path: join(resultsDir, 'access-deactivate.png') });
    await confirmation.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await editor.getByText(`Deactivated: ${VIEWER_NAME} was signed out everywhere`).waitFor();
    const row = usersPanel(admin).locator(`tr[data-user-email="${VIEWER_EMAIL}"]`);
    await expect(row.locator('.users-table__status').textContent()).resolves.toBe('Deactivated');

    // The viewer's page is still open; the next thing it asks of the API is refused.
    await viewer.getByLabel('New token’s name').fill('Too late');
    await viewer.getByRole('button', { name: 'Create token' }).click();
    await viewer.waitForURL(/\/sign-in\?next=%2Faccess$/);
    await signInOnThePage(viewer, VIEWER_EMAIL, VIEWER_PASSWORD);
    await expect(viewer.getByRole('alert').textContent()).resolves.toMatch(/do not match/);
  });

  it('reactivates the viewer, who can sign in again', async () => {
    const editor = await openUserEditor(admin, VIEWER_NAME, VIEWER_EMAIL);
    await editor.getByRole('button', { name: 'Reactivate' }).click();
    await editor.getByText(`Reactivated: ${VIEWER_NAME} can sign in again.`).waitFor();
    await signInOnThePage(viewer, VIEWER_EMAIL, VIEWER_PASSWORD);
    await viewer.waitForURL((url) => url.pathname === '/access');
    await viewer.getByRole('heading', { name: 'My API tokens' }).waitFor();
  });

  it('lets the viewer change their own password: the current one is checked, other browsers are signed out', async () => {
    const elsewhere = await signInAs(VIEWER_EMAIL, VIEWER_PASSWORD);
    const panel = viewer.locator('section[aria-labelledby="password-heading"]');
    await panel.getByLabel('Current password').fill('not my password');
    await panel.getByLabel('New password', { exact: true }).fill('vera-second-password');
    await panel.getByLabel('New password again').fill('vera-second-password');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await expect(panel.locator('#password-currentPassword-error').textContent()).resolves.toBe('This is not your current password.');
    await expect(panel.getByRole('alert').textContent()).resolves.toContain('The current password is not right; your password was not changed.');

    await panel.getByLabel('Current password').fill(VIEWER_PASSWORD);
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText('Your password was changed.').waitFor();
    // This browser stays signed in; the other one is sent to sign in at its next request.
    await viewer.reload();
    await panel.getByRole('heading', { name: 'My password' }).waitFor();
    await elsewhere.reload();
    await elsewhere.waitForURL(/\/sign-in/);
    await signInOnThePage(elsewhere, VIEWER_EMAIL, 'vera-second-password');
    await elsewhere.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  });

  it('shows a new token once; it works as a Bearer token until it is revoked', async () => {
    await viewer.getByLabel('New token’s name').fill('CI script');
    await viewer.getByRole('button', { name: 'Create token' }).click();
    const reveal = viewer.locator('.token-reveal');
    await reveal.waitFor();
    await expect(reveal.textContent()).resolves.toContain('you will not see it again');
    const secret = await reveal.getByLabel('The new token “CI script”').inputValue();
    expect(secret).toMatch(/^adt_/);
    await reveal.getByRole('button', { name: 'Copy' }).waitFor();
    await moveMouseAway(viewer);
    await viewer.screenshot({ path: join(resultsDir, 'access-token-created.png'), fullPage: true });

    if (!server) throw new Error('The server starts in beforeAll');
    const api = await request.newContext({ baseURL: server.baseUrl });
    try {
      const asBearer = { headers: { Authorization: `Bearer ${secret}` } };
      const me = await api.get('/api/v1/auth/me', asBearer);
      expect(me.status()).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(VIEWER_EMAIL);

      // Once dismissed, the secret is nowhere on the page: the list never carries it.
      await reveal.getByRole('button', { name: 'I have copied it' }).click();
      await reveal.waitFor({ state: 'detached' });
      const row = viewer.locator('tr[data-token-name="CI script"]');
      await row.waitFor();
      expect(await viewer.content()).not.toContain(secret);
      await expect(row.textContent()).resolves.toContain('Active');

      await row.getByRole('button', { name: 'Revoke “CI script”' }).click();
      const confirmation = viewer.getByRole('group', { name: 'Revoke “CI script”?' });
      await expect(confirmation.textContent()).resolves.toMatch(/refused from this moment on/);
      await confirmation.getByRole('button', { name: 'Revoke token' }).click();
      await confirmation.waitFor({ state: 'detached' });
      await expect(row.textContent()).resolves.toMatch(/Revoked \d/);
      // It was used above, and the list says so.
      expect(await row.locator('td').nth(1).textContent()).not.toBe('Never used');

      expect((await api.get('/api/v1/auth/me', asBearer)).status()).toBe(401);
    } finally {
      await api.dispose();
    }
  });

  it('refuses an admin deactivating themselves, in the server’s words', async () => {
    const editor = await openUserEditor(admin, 'Administrator', ADMIN_EMAIL);
    await editor.getByRole('button', { name: 'Deactivate…' }).click();
    await editor.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await expect(editor.getByRole('alert').textContent()).resolves.toContain('You cannot deactivate your own account');
    await editor.getByRole('button', { name: 'Close' }).first().click();
  });

  it('reports another admin’s change made meanwhile, keeps what was typed, and saves on top of it', async () => {
    const editor = await openUserEditor(admin, VIEWER_NAME, VIEWER_EMAIL);
    await editor.getByLabel('Role', { exact: true }).selectOption('executive');

    // Another admin renames the viewer while this form is open.
    const users = (await (await admin.request.get('/api/v1/users')).json()) as { items: { id: string; email: string; version: number }[] };
    const vera = users.items.find((user) => user.email === VIEWER_EMAIL);
    if (!vera) throw new Error(`${VIEWER_EMAIL} is not listed`);
    const renamed = await admin.request.patch(`/api/v1/users/${vera.id}`, {
      data: { name: 'Vera Vance' },
      headers: { 'If-Match': `"${vera.version}"` },
    });
    expect(renamed.status()).toBe(200);

    await editor.getByRole('button', { name: 'Save name and role' }).click();
    const conflict = editor.locator('.user-editor__conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('Name: Vera Viewer → Vera Vance');
    await expect(editor.getByLabel('Role', { exact: true }).inputValue()).resolves.toBe('executive');
    await expect(editor.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Vera Vance');
    await moveMouseAway(admin);
    await editor.screenshot({ path: join(resultsDir, 'access-conflict.png') });

    await editor.getByRole('button', { name: 'Save name and role' }).click();
    await editor.getByText('Saved.').waitFor();
    const row = usersPanel(admin).locator(`tr[data-user-email="${VIEWER_EMAIL}"]`);
    await expect(row.textContent()).resolves.toMatch(/Vera Vance.*Executive/);
    expect(pageErrors).toEqual([]);
  });
});

function usersPanel(target: Page): Locator {
  return target.locator('section[aria-labelledby="users-heading"]');
}

/** Opens the editor of one account from the Users table, and waits until it shows. */
async function openUserEditor(target: Page, name: string, email: string): Promise<Locator> {
  const editor = target.locator(`section.user-editor[data-user-email="${email}"]`);
  if ((await editor.count()) === 0) await usersPanel(target).getByRole('button', { name: `Change ${name}` }).click();
  await editor.waitFor();
  return editor;
}

/** A browser of the person's own, signed in from the sign-in page and back on the portfolio. */
async function signInAs(email: string, password: string): Promise<Page> {
  if (!browser || !server) throw new Error('The browser and the server start in beforeAll');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.baseUrl });
  contexts.push(context);
  const signedIn = await context.newPage();
  signedIn.setDefaultTimeout(30_000);
  signedIn.on('pageerror', (error) => pageErrors.push(error));
  await signedIn.goto('/');
  await signedIn.waitForURL(/\/sign-in\?next=/);
  await signInOnThePage(signedIn, email, password);
  await signedIn.waitForURL((url) => url.pathname === '/');
  return signedIn;
}

async function signInOnThePage(target: Page, email: string, password: string): Promise<void> {
  await target.getByLabel('Email').fill(email);
  await target.getByLabel('Password').fill(password);
  await target.getByRole('button', { name: 'Sign in' }).click();
}

/** A pointer left over a row shows its hover colour in the screenshot. */
async function moveMouseAway(target: Page): Promise<void> {
  await target.mouse.move(0, 0);
}
