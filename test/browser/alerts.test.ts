import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { httpReceiver } from '../helpers/receivers.ts';

describe.skipIf(!hasChromium)('Alerts in Settings', () => {
  let baton: RunningTestBaton;
  let browser: Browser;
  let page: Page;
  let hook: Awaited<ReturnType<typeof httpReceiver>>;

  beforeAll(async () => {
    hook = await httpReceiver();
    baton = await startBaton({ demo: false });
    browser = await launchBrowser();
    // axe runs a script of its own in the page: past the page's content security policy.
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    await signIn(page, baton.url, baton.adminEmail, baton.adminPassword);
    await page.getByTestId('accounts-table').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
    await hook?.close();
  });

  it('adds a signed webhook (a bad URL refused by name first), sends a test through it, disables it', async () => {
    await page.getByRole('link', { name: /^Settings/ }).click();
    await page.getByRole('tab', { name: 'Alerts' }).click();
    await page.getByRole('button', { name: 'Add a subscription' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Channel').click();
    await page.getByRole('option', { name: 'Signed webhook' }).click();
    await dialog.getByLabel('Webhook URL').fill('not a url');
    await dialog.getByLabel('Signing secret').fill('whsec_browser_0123456789');
    await page.keyboard.press('Enter');
    await page.getByText('must be an http(s) URL').waitFor();
    await dialog.getByLabel('Webhook URL').fill(`${hook.url}/baton`);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const table = page.getByTestId('alert-subscriptions');
    await table.getByText(`${hook.url}/baton`).waitFor();

    await page.getByRole('button', { name: 'Send a test alert' }).click();
    await page.getByText('What each channel answered').waitFor();
    expect(hook.received).toHaveLength(1);
    expect(JSON.parse(hook.received[0]!.body).type).toBe('alert.test');

    await table.getByRole('button', { name: 'Disable' }).click();
    await table.getByText('disabled').waitFor();
  });

  it('changes the webhook into an email subscription by keyboard; one switched off stays off', async () => {
    const table = page.getByTestId('alert-subscriptions');
    await table.getByRole('button', { name: `Change the Webhook subscription to ${hook.url}/baton` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Change an alert subscription' });
    await dialog.waitFor();
    await dialog.getByText('Leave empty to keep the current secret', { exact: false }).waitFor();
    await dialog.getByLabel('Channel').focus();
    await page.keyboard.press('ArrowDown');
    const email = page.getByRole('option', { name: 'Email' });
    await email.waitFor();
    for (let i = 0; i < 3 && (await email.getAttribute('data-combobox-selected')) === null; i++) {
      await page.keyboard.press('ArrowUp');
    }
    await page.keyboard.press('Enter');
    const address = dialog.getByLabel('Email address');
    await address.focus();
    await page.keyboard.type('nobody');
    await page.keyboard.press('Enter');
    await dialog.getByText('must be an email address').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Signing secret').count()).toBe(0);
    const problems = await axeProblems(page);
    expect(problems, describeProblems('the Change an alert subscription dialog', problems).join('\n')).toEqual([]);
    await address.fill('');
    await address.focus();
    await page.keyboard.type('cs-team@acme.example');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await table.getByText('cs-team@acme.example').waitFor();
    expect(await table.textContent()).toContain('disabled');
    expect(await table.textContent()).not.toContain(`${hook.url}/baton`);
  });
});
