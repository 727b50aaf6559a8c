import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { call, closeSignedIn, hasChromium, openSignedIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * A head of CS opens the Plays tab beside My work, opens a built-in play, sees its task editor and its runs, then a
 * run's page, and completes a task from the keyboard.
 */
describe.skipIf(!hasChromium)('plays', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: false, path: '/my-work' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  it('opens a built-in play, its editor and its runs, and a run whose task is completed by keyboard', async () => {
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    const me = (await call<{ user: { id: string } }>(page, 'GET', '/api/v1/session')).body;
    const account = await call<{ id: string }>(page, 'POST', '/api/v1/accounts', {
      name: 'Runway Foods',
      segment: 'smb',
      csmUserId: me.user.id,
    });
    const plays = await call<{ items: Array<{ id: string; builtinKey: string | null }> }>(page, 'GET', '/api/v1/plays');
    const review = plays.body.items.find((p) => p.builtinKey === 'renewal-review-120')!;
    const started = await call(page, 'POST', `/api/v1/plays/${review.id}/start`, { accountId: account.body.id });
    expect(started.status, JSON.stringify(started.body)).toBe(201);

    await page.getByRole('tab', { name: 'Plays' }).click();
    await page.getByRole('heading', { name: 'Plays', exact: true }).waitFor();
    expect(await page.getByTestId('plays-summary').textContent()).toMatch(/^\d+ plays, 1 run open\. /);
    let problems = await axeProblems(page);
    expect(problems, describeProblems('/my-work/plays', problems).join('\n')).toEqual([]);

    await page.getByRole('link', { name: 'Renewal review at 120 days' }).click();
    await page.getByRole('heading', { name: 'Renewal review at 120 days' }).waitFor();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await page.getByRole('textbox', { name: 'Task 1' }).waitFor();
    await page.getByRole('button', { name: 'Save a new version' }).waitFor();
    await page.getByRole('heading', { name: 'Runs' }).waitFor();
    const runLink = page.getByRole('link', { name: 'Runway Foods' });
    await runLink.waitFor();
    problems = await axeProblems(page);
    expect(problems, describeProblems('a play’s page', problems).join('\n')).toEqual([]);

    await runLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Renewal review at 120 days on Runway Foods' }).waitFor();
    const summary = page.getByTestId('run-summary');
    expect(await summary.textContent()).toMatch(/; 0 of \d+ tasks done\./);
    problems = await axeProblems(page);
    expect(problems, describeProblems('a play run’s page', problems).join('\n')).toEqual([]);

    const complete = page.getByRole('button', { name: /^Complete: / }).first();
    const title = ((await complete.getAttribute('aria-label')) ?? '').replace(/^Complete: /, '');
    await complete.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Reopen: ${title}` }).waitFor();
    expect(await summary.textContent()).toMatch(/; 1 of \d+ tasks done\./);
  });
});
