import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

/**
 * A success manager opens My work: the detractor signal on their account says why it is there, and they dismiss it
 * from the keyboard with a reason; it leaves the list, and its history says who dismissed it and why.
 */
describe.skipIf(!hasChromium)('my work', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true })).newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword, '/my-work');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists a signal on my account with why, and dismisses it by keyboard', async () => {
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    const me = (await call<{ user: { id: string } }>(page, 'GET', '/api/v1/session')).body;
    const account = await call<{ id: string }>(page, 'POST', '/api/v1/accounts', {
      name: 'Keyboard Mills',
      segment: 'smb',
      csmUserId: me.user.id,
    });
    expect(account.status).toBe(201);
    const contact = await call<{ id: string }>(page, 'POST', `/api/v1/accounts/${account.body.id}/contacts`, {
      name: 'Priya Nair',
      role: 'champion',
    });
    const survey = await call(page, 'POST', '/api/v1/relationship/surveys', {
      items: [
        {
          accountId: account.body.id,
          contactId: contact.body.id,
          kind: 'nps',
          score: 2,
          respondedAt: new Date(Date.now() - 86_400_000).toISOString(),
        },
      ],
    });
    expect(survey.status, JSON.stringify(survey.body)).toBeLessThan(300);
    const evaluated = await call<{ raised: Record<string, number> }>(
      page,
      'POST',
      '/api/v1/relationship/signals/evaluate',
      {},
    );
    expect(evaluated.body.raised['renewal.detractor']).toBe(1);

    await page.reload();
    const item = page.getByRole('article', { name: 'Champion Priya Nair answered NPS 2' });
    await item.waitFor();
    expect(await item.textContent()).toContain('You are the CSM of Keyboard Mills');
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/my-work', problems).join('\n')).toEqual([]);

    await item.getByRole('button', { name: 'Dismiss: Champion Priya Nair answered NPS 2' }).focus();
    await page.keyboard.press('Enter');
    await item.getByRole('textbox', { name: 'Note' }).fill('Answered for the pilot team');
    await item.getByRole('button', { name: 'Dismiss', exact: true }).focus();
    await page.keyboard.press('Enter');
    await item.waitFor({ state: 'detached' });
    expect(await page.getByTestId('my-work-summary').textContent()).toContain('Nothing waits for you');

    const signals = await call<{ items: Array<{ id: string; attention: string }> }>(
      page,
      'GET',
      `/api/v1/signals?accountId=${account.body.id}`,
    );
    expect(signals.body.items.map((s) => s.attention)).toEqual(['dismissed']);
    const history = await call<{ history: Array<{ sentence: string }> }>(
      page,
      'GET',
      `/api/v1/signals/${signals.body.items[0]?.id}`,
    );
    expect(history.body.history[0]?.sentence).toMatch(
      /^Dismissed by .+: not relevant — ‘Answered for the pilot team’$/,
    );
  });
});
