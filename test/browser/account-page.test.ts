import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

interface Portfolio {
  topAtRisk: Array<{ accountId: string; account: string; arr: number }>;
}
interface Timeline {
  groups: string[];
  items: Array<{ kind: string; sentence: string }>;
  nextCursor: string | null;
}

/**
 * A head of customer success opens an account at risk from its drawer on its own page: the header with ARR, renewal
 * and chain stage, the cards, ARR over time, and the timeline of everything, filtered by kind and paged by keyboard.
 */
describe.skipIf(!hasChromium)('the account page', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let account: Portfolio['topAtRisk'][number];

  beforeAll(async () => {
    server = await startBaton({ demo: true, jobs: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword, '/accounts');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the drawer’s link, with ARR, renewal and chain stage in its header', async () => {
    await page.getByTestId('accounts-table').waitFor();
    let portfolio: Portfolio = { topAtRisk: [] };
    for (let i = 0; i < 60 && portfolio.topAtRisk.length === 0; i++) {
      portfolio = (await call<Portfolio>(page, 'GET', '/api/v1/health/portfolio?top=1')).body;
      if (portfolio.topAtRisk.length === 0) await page.waitForTimeout(1000);
    }
    account = portfolio.topAtRisk[0] as Portfolio['topAtRisk'][number];
    expect(account).toBeDefined();
    await page.goto(`${server.url}/accounts?account=${account.accountId}`);
    await page.getByTestId('account-detail').waitFor();
    await page.getByTestId('open-account-page').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('account-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/accounts/${account.accountId}`);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(account.account);
    await page.getByTestId('header-arr').filter({ hasNotText: '…' }).waitFor();
    const arr = (await page.getByTestId('header-arr').textContent()) ?? '';
    expect(arr.replace(/[^\d]/g, '')).toContain(String(Math.round(account.arr)));
    await page.getByTestId('account-arr').waitFor();
  });

  it('tells the account’s story newest first, filters it by kind and loads more', async () => {
    const api = (await call<Timeline>(page, 'GET', `/api/v1/accounts/${account.accountId}/timeline?limit=25`)).body;
    expect(api.items.length).toBeGreaterThan(0);
    const list = page.getByTestId('timeline-items').locator('li');
    await list.first().waitFor();
    expect(await list.count()).toBe(api.items.length);
    expect(await list.first().textContent()).toContain(api.items[0]?.sentence);
    if (api.nextCursor) {
      await page.getByTestId('timeline-more').click();
      await expect.poll(() => list.count()).toBeGreaterThan(api.items.length);
    }
    const group = api.items[0]?.kind.split('.')[0] as string;
    const chip = page.getByTestId('timeline-kinds').locator(`input[value="${group}"]`);
    await chip.focus();
    await page.keyboard.press('Space');
    await expect
      .poll(async () => {
        const kinds = await list.evaluateAll((els) =>
          els.map(
            (e) => (e as unknown as { getAttribute(name: string): string | null }).getAttribute('data-kind') ?? '',
          ),
        );
        return kinds.length > 0 && kinds.every((k) => k.startsWith(`${group}.`));
      })
      .toBe(true);
  });

  it('has no serious or critical WCAG 2.2 AA problem', async () => {
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/accounts/:id', problems).join('\n')).toEqual([]);
  });
});
