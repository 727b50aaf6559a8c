import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

/**
 * A CSM asks the demo's knowledge base a question in their own words, reads the highlighted answers, opens the best
 * one in the editor, follows an article's own address as the API's search links give it, and drafts an article
 * for a repetitive question no article answers yet.
 */
describe.skipIf(!hasChromium)('the knowledge page', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBaton({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword, '/knowledge');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers a question with highlighted snippets and opens the best article by keyboard', async () => {
    const box = page.getByLabel('Ask the knowledge base');
    await box.fill('How do I set up SAML single sign-on?');
    await box.press('Enter');
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    expect(await hits.first().locator('mark').count()).toBeGreaterThan(0);
    const title = (await hits.first().getByRole('button').textContent())!.trim();
    await hits.first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(title);
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/knowledge', problems).join('\n')).toEqual([]);
  });

  it('opens an article from its own address, as search results link to it', async () => {
    const found = await call<{ items: Array<{ title: string; url: string }> }>(
      page,
      'GET',
      '/api/v1/search?q=invoice&kinds=article',
    );
    expect(found.status).toBe(200);
    const first = found.body.items[0]!;
    expect(first.url).toMatch(/^\/knowledge\/articles\//);
    await page.goto(`${server.url}${first.url}`);
    await expect.poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(first.title);
  });

  it('lists repetitive questions without an article over a chosen period, drafts one into the editor', async () => {
    await page.goto(`${server.url}/knowledge`);
    const card = page.getByTestId('gaps-card');
    const sentence = card.getByTestId('gaps-sentence');
    await sentence.waitFor();
    expect(await sentence.textContent()).toMatch(/tickets? in the last 90 days/);
    expect(await card.getByTestId('gap').count()).toBeGreaterThan(0);

    const period = card.getByLabel('Tickets of the last');
    await period.focus();
    await period.selectOption('365');
    await expect.poll(() => sentence.textContent()).toMatch(/tickets? in the last 365 days/);
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/knowledge gaps', problems).join('\n')).toEqual([]);

    const draft = card.getByRole('button', { name: /^Draft an article for/ }).first();
    await draft.focus();
    await page.keyboard.press('Enter');
    const drafted = card.getByTestId('gap-drafted');
    await drafted.waitFor();
    const title = (await drafted.getByRole('button').textContent())!.trim();
    expect(title.length).toBeGreaterThan(0);
    // The draft opens in the editor, which takes the focus.
    await expect.poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(title);
    expect(await page.locator('[data-testid="article-editor-region"]:focus').count()).toBe(1);
    expect(await page.getByLabel('Status').inputValue()).toBe('draft');
    // The article list shows the new draft too.
    await expect
      .poll(() => page.getByRole('table', { name: 'Articles by title' }).getByRole('button', { name: title }).count())
      .toBe(1);
  });
});
