/** Signing people in for the browser tests: in a browser of their own, or as an API client. */
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';

export interface Credentials {
  email: string;
  password: string;
}

/**
 * A browser of the person's own, signed in from the sign-in page and on their landing page: the
 * portfolio, or My areas for an area lead. Every uncaught error of the page is pushed to
 * `pageErrors`, for the test to assert none happened.
 */
export async function signInInBrowser(
  browser: Browser,
  baseUrl: string,
  { email, password }: Credentials,
  pageErrors: Error[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto('/');
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/' || url.pathname === '/my-areas');
  return { context, page };
}

/** An API client holding the person's session cookie: someone else acting while a page is open. */
export async function signInAsApiClient(baseUrl: string, { email, password }: Credentials): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const response = await api.post('/api/v1/auth/login', { data: { email, password } });
  if (response.status() !== 200) {
    await api.dispose();
    throw new Error(`Signing in ${email} through the API answered ${response.status()}`);
  }
  return api;
}

/** A pointer left over a row or a chart shows a hover colour or a tooltip in the screenshot. */
export async function moveMouseAway(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
}
