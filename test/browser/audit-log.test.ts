import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

/** The audit log names the record changed and the person who changed it, and is filtered from its page. */
describe.skipIf(!hasChromium)('the audit log page', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect((await call(page, 'PATCH', '/api/v1/me', { name: 'Ada Lovelace' })).status).toBe(200);
    const created = await call<{ id: string }>(page, 'POST', '/api/v1/accounts', {
      name: 'Harbor Foods',
      segment: 'smb',
    });
    expect(created.status).toBe(201);
    expect(
      (await call(page, 'PATCH', `/api/v1/accounts/${created.body.id}`, { name: 'Harbor Foods Group' })).status,
    ).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the account as it is called today and the person by name, not email', async () => {
    await page.goto(`${server.url}/settings/audit`);
    const table = page.getByTestId('audit-table');
    const update = table.getByRole('row', { name: /account\.update/ });
    await update.waitFor();
    const text = (await update.textContent()) ?? '';
    expect(text).toContain('Harbor Foods Group');
    expect(text).toContain('Ada Lovelace');
    // Who: the person's name; the email they signed in with shows nowhere in the column.
    const who = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(who).toContain('Ada Lovelace');
    expect(who.join(' ')).not.toContain(server.adminEmail);
  });

  it('filters by action and by day', async () => {
    const table = page.getByTestId('audit-table');
    await page.getByTestId('audit-filters').getByLabel('Action', { exact: true }).click();
    await page.getByRole('option', { name: 'account.update' }).click();
    await page.waitForFunction(() => {
      const rows = [
        ...(
          globalThis as unknown as {
            document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> };
          }
        ).document.querySelectorAll('[data-testid=audit-table] tbody tr'),
      ];
      return rows.length === 1 && (rows[0]?.textContent ?? '').includes('account.update');
    });
    expect(await table.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('audit-filters').getByLabel('Action', { exact: true }).click();
    await page.getByRole('option', { name: 'account.create' }).click();
    await table.getByRole('row', { name: /account\.create/ }).waitFor();
    await page.getByTestId('audit-filters').getByLabel('To', { exact: true }).fill('2000-01-01');
    await page.getByText('No entry matches these filters.').waitFor();
  });
});
