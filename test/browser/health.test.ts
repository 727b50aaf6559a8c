import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

interface RiskList {
  total: number;
  totalArrAtRisk: number;
  items: Array<{ accountId: string; account: string; arrAtRisk: number; drivers: Array<{ sentence: string }> }>;
}

/**
 * A head of customer success opens Health on the demo: the accounts whose renewal puts the most ARR at risk, why,
 * and how far the model can be trusted (its backtest), by keyboard too; and runs the backtest again.
 */
describe.skipIf(!hasChromium)('the Health page', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBaton({ demo: true, jobs: true });
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

  it('lists the demo’s accounts by ARR at risk, with the total and each driver in a sentence, as the API gives them', async () => {
    await page.getByRole('link', { name: 'Health' }).click();
    // The demo scores its accounts in a job right after the first start; the page looks again until they are there.
    await page.getByTestId('at-risk-table').waitFor({ timeout: 60_000 });
    const api = (await call<RiskList>(page, 'GET', '/api/v1/health/risk/accounts?limit=5')).body;
    expect(api.total).toBeGreaterThan(50);
    expect(api.totalArrAtRisk).toBeGreaterThan(0);
    const total = (await page.getByTestId('arr-at-risk-total').textContent()) ?? '';
    expect(total.replace(/[^\d]/g, '')).toContain(String(Math.round(api.totalArrAtRisk)));
    expect(total).toContain(`${api.total} scored accounts`);
    const firstRow = page.getByTestId('at-risk-table').locator('tbody tr').first();
    expect(await firstRow.locator('th').textContent()).toBe(api.items[0]?.account);
    for (const d of api.items[0]?.drivers ?? []) expect(await firstRow.textContent()).toContain(d.sentence);
    expect(api.items[0]?.drivers[0]?.sentence).toMatch(/ — (strongly )?(raises|lowers) risk$/);
  });

  it('opens an account from the list by keyboard, and its page shows the risk', async () => {
    const link = page.getByTestId('at-risk-table').locator('tbody tr').first().getByRole('button');
    await link.focus();
    await page.keyboard.press('Enter');
    const card = page.getByTestId('account-detail').getByTestId('account-risk');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/decile \d+/);
    expect(await card.textContent()).toMatch(/risk/);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
  });

  it('has no serious or critical WCAG 2.2 AA problem on At risk', async () => {
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/health/at-risk', problems).join('\n')).toEqual([]);
  });

  it('shows the backtest with AUC explained, its folds, calibration and features, and runs it again', async () => {
    await page.getByRole('tab', { name: 'Risk model' }).click();
    const auc = page.getByTestId('auc');
    await auc.waitFor({ timeout: 60_000 });
    const api = (
      await call<{ backtest: { auc: number; aucFolds: number[]; calibration: unknown[] } }>(
        page,
        'GET',
        '/api/v1/health/risk/backtest',
      )
    ).body.backtest;
    expect(await auc.textContent()).toContain(api.auc.toFixed(2));
    expect(await auc.getByTestId('figure-help').textContent()).toContain('coin toss');
    expect(await page.getByTestId('auc-folds').locator('thead th').count()).toBe(api.aucFolds.length);
    expect(await page.getByTestId('calibration-table').locator('tbody tr').count()).toBe(api.calibration.length);
    await page.getByTestId('calibration-chart').waitFor();
    expect(await page.getByTestId('top-features').locator('tbody tr').count()).toBeGreaterThan(0);

    const latest = async () =>
      (await call<{ backtest: { id: string } }>(page, 'GET', '/api/v1/health/risk/backtest')).body.backtest.id;
    const before = await latest();
    await page.getByTestId('run-backtest').click();
    await page.getByTestId('risk-job-done').waitFor({ timeout: 60_000 });
    expect(await latest()).not.toBe(before);
    await auc.waitFor();
  });

  it('has no serious or critical WCAG 2.2 AA problem on Risk model', async () => {
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/health/model', problems).join('\n')).toEqual([]);
  });
});
