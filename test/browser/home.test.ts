import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

interface Portfolio {
  totals: { arr: number; arrAtRisk: number; accountsAtRisk: number; scoredAccounts: number };
  renewals: Array<{ withinDays: number; accounts: number }>;
  byStage: Array<{ stage: string | null }>;
  byBand: Array<{ band: string | null }>;
  topAtRisk: Array<{ accountId: string; account: string; why: string[]; csm: string | null }>;
}
interface Renewals {
  total: number;
  items: Array<{ account: string; arrAtRisk: number | null; date: string }>;
}

const digits = (s: string | null) => (s ?? '').replace(/[^\d]/g, '');

/**
 * A head of customer success signs in to the demo and lands on Today: the ARR at risk in a sentence, a chart by
 * chain stage, the accounts most at risk with why and who owns them, each a link to its account page; then the
 * renewals by ARR at risk, and the accounts list sorted and filtered by its new columns.
 */
describe.skipIf(!hasChromium)('the first page, renewals and the accounts list’s figures', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBaton({ demo: true, jobs: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword, '/');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lands on Today, which says how much ARR is at risk across how many accounts and how many renew soon', async () => {
    await page.getByTestId('home-page').waitFor();
    // The demo scores its accounts in a job right after the first start; the page looks again until they are there.
    await page.getByTestId('top-at-risk').waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    const p = (await call<Portfolio>(page, 'GET', '/api/v1/health/portfolio?top=8')).body;
    expect(p.totals.scoredAccounts).toBeGreaterThan(50);
    const sentence = (await page.getByTestId('portfolio-sentence').textContent()) ?? '';
    expect(digits(sentence)).toContain(String(Math.round(p.totals.arrAtRisk)));
    expect(digits(sentence)).toContain(String(Math.round(p.totals.arr)));
    expect(sentence).toContain(`across ${p.totals.accountsAtRisk} accounts`);
    expect(sentence).toContain(`${p.renewals.find((w) => w.withinDays === 120)?.accounts} renew within 120 days`);
    expect(await page.getByTestId('stage-table').locator('tbody tr').count()).toBe(p.byStage.length);
    const bands = p.byBand.filter((b) => b.band !== null);
    if (bands.length > 0)
      expect(await page.getByTestId('band-table').locator('tbody tr').count()).toBe(p.byBand.length);
    await page.locator('.recharts-surface').first().waitFor();
    const first = page.getByTestId('top-at-risk').locator('tbody tr').first();
    expect(await first.locator('th a').textContent()).toBe(p.topAtRisk[0]?.account);
    for (const why of p.topAtRisk[0]?.why.slice(0, 3) ?? []) expect(await first.textContent()).toContain(why);
    expect(await first.textContent()).toContain(`CSM: ${p.topAtRisk[0]?.csm ?? 'none'}`);
  });

  it('has no serious or critical WCAG 2.2 AA problem on Today', async () => {
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/', problems).join('\n')).toEqual([]);
  });

  it('follows an account at risk by keyboard to its account page, and back to Today', async () => {
    const p = (await call<Portfolio>(page, 'GET', '/api/v1/health/portfolio?top=8')).body;
    const link = page.getByTestId('top-at-risk').locator('tbody tr').first().getByRole('link');
    expect(await link.textContent()).toBe(p.topAtRisk[0]?.account);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('account-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/accounts/${p.topAtRisk[0]?.accountId}`);
    expect(await page.getByTestId('account-page').getByRole('heading', { level: 2 }).first().textContent()).toBe(
      p.topAtRisk[0]?.account,
    );
    await page.goBack();
    await page.getByTestId('top-at-risk').waitFor();
  });

  it('lists the renewals by ARR at risk with the total, and sorts them by date', async () => {
    await page.goto(`${server.url}/health/renewals`);
    await page.getByTestId('renewals-table').waitFor({ timeout: 30_000 });
    const api = (await call<Renewals>(page, 'GET', '/api/v1/health/renewals?within=120&sort=arr_at_risk')).body;
    expect(api.total).toBeGreaterThan(0);
    expect(await page.getByTestId('renewals-total').textContent()).toContain(`${api.total} accounts renew within 120`);
    const rows = page.getByTestId('renewals-table').locator('tbody tr');
    expect(await rows.count()).toBe(api.items.length);
    expect(await rows.first().locator('th').textContent()).toBe(api.items[0]?.account);
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/health/renewals', problems).join('\n')).toEqual([]);

    await page.getByRole('button', { name: 'Renewal' }).focus();
    await page.keyboard.press('Enter');
    const byDate = (await call<Renewals>(page, 'GET', '/api/v1/health/renewals?within=120&sort=date')).body;
    await expect.poll(() => rows.first().locator('th').textContent()).toBe(byDate.items[0]?.account);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Renewal');
  });

  it('shows ARR, risk, next renewal and chain stage on the accounts list, sorted and filtered by each', async () => {
    await page.goto(`${server.url}/accounts`);
    const table = page.getByTestId('accounts-table');
    await table.locator('tbody tr').first().waitFor();
    for (const h of ['Health', 'ARR', 'Risk', 'ARR at risk', 'Next renewal', 'Chain stage'])
      await table.getByRole('columnheader', { name: h, exact: true }).waitFor();
    const api = (
      await call<{ items: Array<{ account: string }> }>(page, 'GET', '/api/v1/health/accounts?sort=arr_at_risk&limit=3')
    ).body;
    await page.getByTestId('sort-arr_at_risk').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => table.locator('tbody tr').first().locator('td').first().textContent())
      .toContain(api.items[0]?.account);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('ARR at risk');

    const decile1 = (await call<{ total: number }>(page, 'GET', '/api/v1/health/accounts?maxDecile=1&limit=1')).body;
    await page.locator('input[aria-label="Risk"]').click();
    await page.getByRole('option', { name: 'Riskiest tenth (decile 1)' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Math.min(decile1.total, 50));
    for (const cell of await table.locator('tbody tr td:nth-child(4)').allTextContents())
      expect(cell).toContain('decile 1');
    await page.locator('input[aria-label="Risk"]').click();
    await page.getByRole('option', { name: 'Any scored' }).click();
    const red = (await call<{ total: number }>(page, 'GET', '/api/v1/health/accounts?band=red&limit=1')).body;
    await page.locator('input[aria-label="Health"]').click();
    await page.getByRole('option', { name: 'Health: red (below 40)' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Math.min(red.total, 50));
    for (const cell of await table.locator('tbody tr td:nth-child(2)').allTextContents()) expect(cell).toContain('Red');
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/accounts (figures)', problems).join('\n')).toEqual([]);
  });
});
