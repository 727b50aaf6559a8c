import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('API keys in Settings', () => {
  let baton: RunningTestBaton;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    baton = await startBaton({ demo: false });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, baton.url, baton.adminEmail, baton.adminPassword);
    await page.getByTestId('accounts-table').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
  });

  it('creates a key, shows its secret once, and the secret works against the API', async () => {
    await page.getByRole('link', { name: /^Settings/ }).click();
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('Segment production');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = ((await page.getByTestId('api-key-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^bk_[\w-]{12}\.[\w-]{43}$/);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('api-key-secret').waitFor({ state: 'detached' });

    const table = page.getByTestId('api-keys-table');
    await table.getByText('Segment production').waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await table.textContent()).toContain(`${secret.slice(0, 15)}…`);

    const res = await fetch(`${baton.url}/api/v1/session`, { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
  });

  it('revokes the key, which then stops working', async () => {
    const secretPrefix = (
      (await page.getByTestId('api-keys-table').locator('code').first().textContent()) ?? ''
    ).replace('…', '');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByTestId('api-keys-table')
      .getByText(/Revoked/)
      .waitFor();
    expect(secretPrefix).toMatch(/^bk_/);
  });
});
