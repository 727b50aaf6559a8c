import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { httpReceiver } from '../helpers/receivers.ts';
import { call, closeSignedIn, hasChromium, openSignedIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * A member opens My alerts under My work and, from the keyboard, adds an email alert to their own address for their
 * accounts' signals and their play tasks, in a daily digest with quiet hours; it is listed in a sentence, and a test
 * through it says what the channel answered.
 */
describe.skipIf(!hasChromium)('my alerts', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: false, path: '/my-work' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  it('adds an email alert to my own address by keyboard and lists it in a sentence', async () => {
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await page.getByRole('tab', { name: 'My alerts' }).click();
    await page.getByRole('heading', { name: 'My alerts' }).waitFor();
    await page.getByText('Nothing reaches you yet').waitFor();
    let problems = await axeProblems(page);
    expect(problems, describeProblems('/my-work/alerts', problems).join('\n')).toEqual([]);

    await page.getByRole('button', { name: 'Add an alert' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add an alert for me' });
    await dialog.waitFor();
    // Email to my own address is the default.
    expect(await dialog.getByLabel('Email address').inputValue()).toBe(ui.server.adminEmail);
    await dialog.getByLabel('The accounts I own (as AE, delivery lead, CSM or account manager)').waitFor();
    expect(await dialog.getByLabel('My play tasks due').isChecked()).toBe(true);
    await dialog.getByLabel('When', { exact: true }).click();
    await page.getByRole('option', { name: /^Once a day/ }).click();
    await dialog.getByLabel('Quiet hours').focus();
    await page.keyboard.press('Space');
    await dialog.getByLabel('Time zone', { exact: true }).fill('Europe/Par');
    await page.getByRole('option', { name: 'Europe/Paris' }).click();
    problems = await axeProblems(page);
    expect(problems, describeProblems('the Add an alert dialog', problems).join('\n')).toEqual([]);
    await dialog.getByRole('button', { name: 'Add', exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const table = page.getByTestId('my-alerts');
    await table.getByText(ui.server.adminEmail).waitFor();
    expect(await table.textContent()).toContain(
      'Signals of warning and above on the accounts you own at every stage, and your play tasks due, reach you ' +
        'once a day in a digest with the renewals within 30 days and the go-live slips. Between 20:00 and 08:00 ' +
        '(Europe/Paris) alerts wait until the quiet hours end.',
    );
    const mine = await call<{ items: Array<{ userId: string; mode: string; quietHours: { timeZone: string } }> }>(
      page,
      'GET',
      '/api/v1/alerts/my-subscriptions',
    );
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ mode: 'daily_digest', quietHours: { timeZone: 'Europe/Paris' } });

    // No mail server is set up here: the test says so, in words, and the page stays usable.
    await table
      .getByRole('button', { name: `Send me a test through the Email alert to ${ui.server.adminEmail}` })
      .click();
    const result = page.getByRole('alert').filter({ hasText: /^Test (sent|failed)/ });
    await result.waitFor();
    expect(await result.textContent()).toContain(`Email ${ui.server.adminEmail} answered`);
    problems = await axeProblems(page);
    expect(problems, describeProblems('/my-work/alerts with a test result', problems).join('\n')).toEqual([]);
  });

  it('moves my email alert to a signed webhook by keyboard, a bad URL refused beside its field', async () => {
    const hook = await httpReceiver();
    try {
      const table = page.getByTestId('my-alerts');
      await table.getByRole('button', { name: `Change the Email alert to ${ui.server.adminEmail}` }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Change my alert' });
      await dialog.waitFor();
      expect(await dialog.getByLabel('Signing secret').count()).toBe(0);
      // The channel, chosen with the arrow keys and Enter.
      await dialog.getByLabel('Channel').focus();
      await page.keyboard.press('ArrowDown');
      const webhook = page.getByRole('option', { name: 'Signed webhook' });
      await webhook.waitFor();
      for (let i = 0; i < 3 && (await webhook.getAttribute('data-combobox-selected')) === null; i++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      const address = dialog.getByLabel('Webhook URL');
      await address.waitFor();
      expect(await address.inputValue()).toBe('');
      await address.focus();
      await page.keyboard.type('not a url');
      await page.keyboard.press('Tab');
      await page.keyboard.type('whsec_browser_0123456789');
      await page.keyboard.press('Enter');
      await dialog.getByText('must be an http(s) URL').waitFor();
      expect(await address.getAttribute('aria-invalid')).toBe('true');
      const problems = await axeProblems(page);
      expect(problems, describeProblems('the Change my alert dialog', problems).join('\n')).toEqual([]);

      await address.fill('');
      await address.focus();
      await page.keyboard.type(`${hook.url}/mine`);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await table.getByText(`${hook.url}/mine`).waitFor();
      const mine = await call<{ items: Array<{ channel: string; hasSecret: boolean; mode: string }> }>(
        page,
        'GET',
        '/api/v1/alerts/my-subscriptions',
      );
      expect(mine.body.items).toEqual([
        expect.objectContaining({ channel: 'webhook', hasSecret: true, mode: 'daily_digest' }),
      ]);
    } finally {
      await hook.close();
    }
  });
});
