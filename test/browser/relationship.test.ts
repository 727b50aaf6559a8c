import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

interface Survey {
  accountId: string;
  contactId: string | null;
  score: number;
  rating: string;
  comment: string | null;
}
interface Stakeholders {
  stakeholders: Array<{ name: string; role: string; daysSinceTouch: number | null; nps: { score: number } | null }>;
  sentiment: { nps: { nps: number | null; responses: number }; sentence: string };
}

/**
 * A customer success manager opens, by keyboard, the demo customer whose executive sponsor answered NPS 3 and has not
 * been touched for 70 days, and reads its stakeholders and sentiment on the account's page.
 */
describe.skipIf(!hasChromium)('stakeholders and sentiment on the account page', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accountId: string;
  let accountName: string;

  beforeAll(async () => {
    server = await startBaton({ demo: true });
    browser = await launchBrowser();
    // axe is injected as an inline script, which Baton's Content-Security-Policy refuses.
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('accounts-table').locator('tbody tr').first().waitFor();
    const answers = (await call<{ items: Survey[] }>(page, 'GET', '/api/v1/relationship/surveys?kind=nps&limit=1000'))
      .body.items;
    const story = answers.find((s) => s.score === 3 && s.comment?.includes('Go-live slipped'));
    expect(story, 'the demo has a detractor sponsor').toBeDefined();
    accountId = story?.accountId as string;
    accountName = (await call<{ name: string }>(page, 'GET', `/api/v1/accounts/${accountId}`)).body.name;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the account by keyboard and shows the sponsor 70 days untouched, a detractor, and the NPS in a sentence', async () => {
    const search = page.getByLabel('Search accounts');
    await search.focus();
    await page.keyboard.type(accountName);
    const row = page.getByTestId('accounts-table').locator('tbody tr', { hasText: accountName });
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('Enter');
    const card = page.getByTestId('account-detail').getByTestId('stakeholders-sentiment');
    await card.getByTestId('stakeholder-row').first().waitFor();
    const api = (await call<Stakeholders>(page, 'GET', `/api/v1/relationship/accounts/${accountId}/stakeholders`)).body;
    const sponsor = api.stakeholders.find((s) => s.role === 'executive_sponsor');
    expect(sponsor).toMatchObject({ daysSinceTouch: 70, nps: { score: 3 } });
    const sponsorRow = card.getByTestId('stakeholder-row').filter({ hasText: sponsor?.name ?? '' });
    const text = (await sponsorRow.textContent()) ?? '';
    expect(text).toContain('Executive sponsor');
    expect(text).toContain('70 days ago');
    expect(text).toContain('NPS 3 · detractor');
    expect(await card.getByTestId('stakeholder-row').count()).toBe(api.stakeholders.length);
    expect(await card.getByTestId('sentiment-sentence').textContent()).toContain(api.sentiment.sentence);
    expect(api.sentiment.sentence).toMatch(/^NPS -?\d+(\.\d)? from \d+ answers?: /);
    expect(await card.getByTestId('account-nps').textContent()).toContain(String(api.sentiment.nps.nps));
    expect(await card.getByTestId('account-nps').getByTestId('figure-help').textContent()).toContain('promoters');
  });

  it('has no serious or critical WCAG 2.2 AA problem', async () => {
    await page.getByTestId('stakeholders-sentiment').getByTestId('stakeholder-row').first().waitFor();
    const problems = await axeProblems(page);
    expect(problems, describeProblems('account drawer', problems).join('\n')).toEqual([]);
  });
});
