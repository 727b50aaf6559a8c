import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningTestBaton, startBaton } from './baton-server.ts';

/** Debian's Chromium (installed by CI), or the one BATON_CHROMIUM names. */
export const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';

export const hasChromium = fs.existsSync(CHROMIUM);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

/**
 * Signs in through the login page, as a person would, on the page at `path` (the accounts list unless another is
 * given; `/` is the first page, Today).
 */
export async function signIn(
  page: Page,
  url: string,
  email: string,
  password: string,
  path = '/accounts',
): Promise<void> {
  await page.goto(url + path);
  await page.getByLabel('Email').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Calls the API from a signed-in page, as the page itself would (session cookie and CSRF token). */
export async function call<T = unknown>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const headers: Record<string, string> = { 'x-csrf-token': session.csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { method, url, body },
  ) as Promise<{ status: number; body: T }>;
}

/** A suite's Baton server, Chromium, and a page signed in as the workspace's admin. */
export interface SignedInBrowser {
  server: RunningTestBaton;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Starts a Baton (the demo workspace, or an empty one) and Chromium, and signs in as the admin on the page at
 * `path`, as a suite's `beforeAll` does; `closeSignedIn` ends both.
 */
export async function openSignedIn(options: { demo: boolean; jobs?: boolean; path: string }): Promise<SignedInBrowser> {
  const server = await startBaton({ demo: options.demo, ...(options.jobs ? { jobs: true } : {}) });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.url, server.adminEmail, server.adminPassword, options.path);
  // Signed in once the form is gone: a suite's first API call must carry the session.
  await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'detached' });
  return { server, browser, context, page };
}

export async function closeSignedIn(ui: SignedInBrowser | undefined): Promise<void> {
  await ui?.browser.close();
  await ui?.server.close();
}
