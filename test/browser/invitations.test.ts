import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

describe.skipIf(!hasChromium)('inviting people, and my account', () => {
  let baton: RunningTestBaton;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    baton = await startBaton({ demo: false });
    browser = await launchBrowser();
    admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(admin, baton.url, baton.adminEmail, baton.adminPassword);
    await admin.getByTestId('accounts-table').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
  });

  async function invite(email: string, role: string): Promise<string> {
    await admin.goto(`${baton.url}/settings/users`);
    await admin.getByRole('button', { name: 'Invite a person' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Role', { exact: true }).click();
    await admin.getByRole('option', { name: role, exact: true }).click();
    await dialog.getByRole('button', { name: 'Invite' }).click();
    const link = ((await admin.getByTestId('invitation-link').textContent()) ?? '').trim();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await admin.getByTestId('invitations-table').getByText(email).waitFor();
    return link;
  }

  it('a new person opens the invitation link, chooses a password, and lands signed in with the role', async () => {
    const link = await invite('nia@vendor.example', 'Customer success');
    expect(link).toMatch(new RegExp(`^${baton.url}/invite#[\\w-]{40,}$`));
    const page = await (await browser.newContext()).newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: /Join/ }).waitFor();
    expect(await page.textContent('body')).toContain('nia@vendor.example');
    const form = page.getByRole('form', { name: /New to Baton/ });
    await form.getByLabel('Your name').fill('Nia Okafor');
    await form.locator('input[type=password]').nth(0).fill('nias-own-password');
    await form.locator('input[type=password]').nth(1).fill('nias-own-password');
    await form.getByRole('button', { name: /^Join/ }).click();
    await page.getByTestId('user-menu').waitFor();
    const session = await call<{ role: string; user: { name: string } }>(page, 'GET', '/api/v1/session');
    expect(session.body).toMatchObject({ role: 'csm', user: { name: 'Nia Okafor' } });
    // The link was single use.
    await page.goto(link);
    await page.getByTestId('link-problem').waitFor();
    expect(await page.getByTestId('link-problem').textContent()).toMatch(/already used/);
    // The admin sees a member, no longer an invitation.
    await admin.reload();
    await admin.getByTestId('users-table').getByText('Nia Okafor').waitFor();
    expect(await admin.getByTestId('invitations-table').count()).toBe(0);
  });

  it('someone with a login sees the invitation after signing in, and accepts it', async () => {
    expect((await call(admin, 'POST', '/api/v1/users', { email: 'nia@vendor.example', role: 'viewer' })).status).toBe(
      409,
    );
    const env = { DATABASE_URL: baton.databaseUrl };
    expect(cli(['workspace', 'create', 'second', '--name', 'Second Co'], env).status).toBe(0);
    const invited = cli(
      ['user', 'invite', '--workspace', 'second', '--email', 'nia@vendor.example', '--role', 'viewer'],
      env,
    );
    expect(invited.status, invited.stderr).toBe(0);
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baton.url, 'nia@vendor.example', 'nias-own-password');
    const banner = page.getByTestId('invitations-banner');
    await banner.getByText('You are invited to Second Co').waitFor();
    await banner.getByRole('button', { name: 'Accept and open Second Co' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect
      .poll(
        async () => (await call<{ workspace: { slug: string }; role: string }>(page, 'GET', '/api/v1/session')).body,
      )
      .toMatchObject({ workspace: { slug: 'second' }, role: 'viewer' });
  });

  it('changes my own password under My account, keyboard only', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baton.url, 'nia@vendor.example', 'nias-own-password');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'My account' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByLabel('Current password').focus();
    await page.keyboard.type('nias-own-password');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a-new-password-for-nia');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a-new-password-for-nia');
    await page.keyboard.press('Enter');
    await page.getByTestId('password-changed').waitFor();
    const old = await fetch(`${baton.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nia@vendor.example', password: 'nias-own-password' }),
    });
    expect(old.status).toBe(401);
    const fresh = await fetch(`${baton.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nia@vendor.example', password: 'a-new-password-for-nia' }),
    });
    expect(fresh.status).toBe(204);
  });
});
