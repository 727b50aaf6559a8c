import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

/** A head of customer success reads ARR, its movements, retention and renewals on the demo, by keyboard too. */
describe.skipIf(!hasChromium)('the Revenue page', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBaton({ demo: true });
    browser = await launchBrowser();
    // axe is injected as an inline script, which Baton's Content-Security-Policy refuses.
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('accounts-table').locator('tbody tr').first().waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows total ARR with its day, as the API gives it, every figure explained, the waterfall and the cohorts', async () => {
    await page.getByRole('link', { name: 'Revenue' }).click();
    const total = page.getByTestId('total-arr');
    await total.waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const api = (await call<{ totalArr: number; accounts: unknown[] }>(page, 'GET', `/api/v1/revenue/arr?on=${today}`))
      .body;
    expect(api.totalArr).toBeGreaterThan(0);
    const shown = (await total.textContent()) ?? '';
    expect(shown).toContain(`${api.accounts.length} accounts`);
    expect(shown.replace(/[^\d]/g, '')).toContain(String(Math.round(api.totalArr)));
    for (const id of ['total-arr', 'nrr', 'grr', 'start-arr'])
      expect(await page.getByTestId(id).getByTestId('figure-help').textContent()).toMatch(/\w+.*\./);
    await page.getByTestId('arr-waterfall').waitFor();
    expect(await page.getByTestId('waterfall-table').locator('tr').count()).toBe(7);
    expect(await page.getByTestId('cohort-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByTestId('movements-table').waitFor();
    await page.getByTestId('renewals-table').waitFor();
    await page.getByTestId('subscription-import').waitFor();
  });

  it('changes the period from the keyboard, and the figures follow', async () => {
    const from = page.getByLabel('From');
    await from.focus();
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/v1/revenue/retention') && r.url().includes('from=2025-01-01'),
    );
    await page.keyboard.type('01012025');
    expect((await answer).status()).toBe(200);
    await expect.poll(async () => (await page.getByTestId('start-arr').textContent()) ?? '').toContain('2025');
  });

  it('has no serious or critical WCAG 2.2 AA problem', async () => {
    await page.getByTestId('renewals-table').waitFor();
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/revenue', problems).join('\n')).toEqual([]);
  });
});
