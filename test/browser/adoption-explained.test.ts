import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

type Signal = { kind: string; accountId: string | null; explanation: string };

/** The demo's signals read as sentences, the adoption figures say how they are computed, and the chart holds ten weeks with seats. */
describe.skipIf(!hasChromium)('adoption explained', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;
  let low: Signal;
  let accountName: string;

  beforeAll(async () => {
    server = await startBaton({ demo: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('accounts-table').locator('tbody tr').first().waitFor();
    // What the daily usage.signals job does, now, on the demo's usage.
    expect((await call(page, 'POST', '/api/v1/usage/signals/evaluate', {})).status).toBe(200);
    const signals = (await call<{ items: Signal[] }>(page, 'GET', '/api/v1/signals?limit=200')).body.items;
    low = signals.find((s) => s.kind === 'adoption.low_active_users') as Signal;
    expect(low, 'the demo has an account with few active users').toBeDefined();
    accountName = (await call<{ name: string }>(page, 'GET', `/api/v1/accounts/${low.accountId}`)).body.name;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says a signal’s evidence as sentences with its numbers in the account drawer, and how adoption figures are computed', async () => {
    await page.getByLabel('Search accounts').fill(accountName);
    await page.getByTestId('accounts-table').getByText(accountName, { exact: true }).click();
    const drawer = page.getByTestId('account-detail');
    const explanations = drawer.getByTestId('signal-explanation');
    await explanations.first().waitFor();
    const texts = await explanations.allTextContents();
    expect(texts).toContain(low.explanation);
    expect(low.explanation).toMatch(/^\d+ of \d+ licensed seats were used in the 30 days to .+: an adoption rate of \d+ % \(30-day active users ÷ licensed seats\), below the \d+ % threshold\./);
    for (const t of texts) expect(t).not.toMatch(/\w: \d|undefined|null/);
    const summary = drawer.getByTestId('account-adoption-summary');
    await summary.getByText('Active users in the last 30 days ÷ licensed seats.').waitFor();
    await summary.getByRole('link', { name: 'Open the account’s adoption' }).click();
  });

  it('opens the account’s adoption from the drawer, and its chart shows ten weeks with the licensed seats', async () => {
    await page.waitForURL(/\/adoption\/portfolio\?account=/);
    const detail = page.getByTestId('account-adoption');
    await detail.getByTestId('adoption-chart').waitFor();
    await page.getByRole('dialog', { name: accountName }).waitFor();
    await detail.getByText('Events made by the 3 most active people ÷ all events, over the last 30 days.').waitFor();
    expect(await detail.getByTestId('adoption-chart').getByText('Licensed seats').count()).toBeGreaterThan(0);
    const tenWeeks = page.waitForResponse((r) => r.url().includes(`/usage/accounts/${low.accountId}/adoption`) && r.url().includes('days=70'));
    await detail.getByText('10 weeks').click();
    const body = (await (await tenWeeks).json()) as { daily: Array<{ day: string; events: number }> };
    expect(body.daily).toHaveLength(70);
    // The demo holds ten weeks: there is usage before the last 30 days, and the chart now draws it.
    expect(body.daily.slice(0, 40).some((d) => d.events > 0)).toBe(true);
    const first = body.daily[0]!.day.slice(5);
    await detail.getByTestId('adoption-chart').getByText(first, { exact: true }).waitFor();
  });
});
