import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

if (!hasChromium)
  console.warn('Chromium not found (set BATON_CHROMIUM or install Debian chromium): browser tests skipped');

describe.skipIf(!hasChromium)('the web app shell', () => {
  let baton: RunningTestBaton;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    baton = await startBaton({ demo: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
  });

  it('refuses a wrong password and stays on the sign-in page', async () => {
    await signIn(page, baton.url, baton.adminEmail, 'not-the-password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('email or password is wrong');
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  it('signs in to the journey sections and the demo accounts', async () => {
    await signIn(page, baton.url, baton.adminEmail, baton.adminPassword);
    await page.getByTestId('accounts-table').locator('tbody tr').first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const section of [
      'Accounts',
      'Deals & handoffs',
      'Delivery',
      'Adoption',
      'Support',
      'Knowledge',
      'Revenue',
      'Health',
      'Insights',
      'Settings',
    ]) {
      expect(
        await nav.getByRole('link', { name: new RegExp(`^${section.replace('&', '\\&')}`) }).count(),
        section,
      ).toBe(1);
    }
    await expect(page.getByText(/200 customers in/).isVisible()).resolves.toBe(true);
  });

  it('opens an account and shows its stakeholders', async () => {
    await page.getByTestId('accounts-table').locator('tbody tr').first().click();
    const stakeholders = page.getByTestId('stakeholders');
    await stakeholders.locator('tbody tr').first().waitFor();
    expect(await stakeholders.getByText('Executive sponsor').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('says plainly that a section is not built yet', async () => {
    await page.getByRole('link', { name: /^Insights/ }).click();
    const notBuilt = page.getByTestId('not-built');
    await notBuilt.waitFor();
    expect(await notBuilt.textContent()).toContain('not built yet');
  });

  it('filters accounts by name', async () => {
    await page.getByRole('link', { name: /^Accounts/ }).click();
    const first = (await page
      .getByTestId('accounts-table')
      .locator('tbody tr')
      .first()
      .locator('td')
      .first()
      .locator('p')
      .first()
      .textContent()) as string;
    await page.getByLabel('Search accounts').fill(first);
    await page.waitForFunction((name) => {
      const rows = [
        ...(
          globalThis as unknown as {
            document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> };
          }
        ).document.querySelectorAll('[data-testid=accounts-table] tbody tr'),
      ];
      return rows.length > 0 && rows.length < 50 && rows.every((tr) => tr.textContent?.includes(name));
    }, first);
    expect(await page.getByTestId('accounts-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
  });
});
