import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

/** Usage sent as a Segment client sends it shows up as an account's adoption, and seats turn it into a rate. */
describe.skipIf(!hasChromium)('adoption from product usage', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;
  let juniperId: string;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    const env = { DATABASE_URL: server.databaseUrl };
    const admin = cli(['apikey', 'create', '--workspace', 'main', '--scope', 'admin', '--name', 'test admin'], env);
    const ingest = cli(['apikey', 'create', '--workspace', 'main', '--scope', 'ingest', '--name', 'segment'], env);
    expect(admin.status, admin.stderr).toBe(0);
    expect(ingest.status, ingest.stderr).toBe(0);
    const adminKey = admin.stdout.trim();
    const account = await fetch(`${server.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ name: 'Juniper Clinics', segment: 'mid_market' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    juniperId = account.id;
    // Three users of Juniper: two this week, one only a month ago; one event name used twice.
    const batch = [
      { type: 'group', userId: 'u1', groupId: account.id, messageId: 'g1', timestamp: day(20) },
      { type: 'group', userId: 'u2', groupId: account.id, messageId: 'g2', timestamp: day(20) },
      { type: 'track', userId: 'u1', event: 'Report Published', messageId: 'm1', timestamp: day(1) },
      { type: 'track', userId: 'u2', event: 'Report Published', messageId: 'm2', timestamp: day(2) },
      { type: 'track', userId: 'u2', event: 'Dashboard Shared', messageId: 'm3', timestamp: day(2) },
    ];
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${ingest.stdout.trim()}:`).toString('base64')}` },
      body: JSON.stringify({ batch }),
    });
    expect(await res.json()).toEqual({ success: true });

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the account in the portfolio with its active users and breadth', async () => {
    await page.getByRole('link', { name: /^Adoption/ }).click();
    const row = page.getByTestId('adoption-table').getByRole('row', { name: /Juniper Clinics/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // Adoption rate unknown without seats; DAU / WAU / MAU; seats; breadth.
    expect(cells.slice(1, 5)).toEqual(['—', '0 / 2 / 2', '—', '2']);
  });

  it('shows the account’s daily chart, and licensed seats turn its users into an adoption rate', async () => {
    await page.getByTestId('adoption-table').getByText('Juniper Clinics').click();
    const detail = page.getByTestId('account-adoption');
    await detail.getByTestId('adoption-chart').waitFor();
    await detail.getByLabel('Licensed seats').fill('8');
    await detail.getByRole('button', { name: 'Save seats' }).click();
    await page.getByText('Licensed seats saved').waitFor();
    // 2 monthly active users of 8 seats.
    await detail.getByText('25 %').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('adoption-table').getByRole('row', { name: /Juniper Clinics/ }).getByText('25 %').waitFor();
  });

  it('imports licensed seats from a CSV: checked first, then written, and the rate follows', async () => {
    const csv = 'account,seats\nJuniper Clinics,4\nNo Such Clinic,9\n';
    await page.locator('[data-testid=seats-import-file]').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'seats.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('seats-import-run').click(); // a dry run first
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getByTestId('import-rejected-table').textContent()).toMatch(/no account matches "No Such Clinic"/);
    await page.getByTestId('adoption-table').getByRole('row', { name: /Juniper Clinics/ }).getByText('25 %').waitFor();
    await page.getByRole('switch', { name: 'Dry run (write nothing)' }).uncheck();
    await page.getByTestId('seats-import-run').click();
    // 2 monthly active users of 4 seats.
    await page.getByTestId('adoption-table').getByRole('row', { name: /Juniper Clinics/ }).getByText('50 %').waitFor();
  });

  it('imports sync reports on the Integrations tab: the unknown account refused by row, the others shown', async () => {
    await page.getByRole('tab', { name: 'Integrations' }).click();
    await page.getByText('No integration reports').waitFor();
    const csv = `account,integration,status,detail,occurred_at\n${juniperId},billing-sync,ok,,${day(1)}\nnowhere.example,billing-sync,ok,,${day(1)}\n`;
    await page.locator('[data-testid=integration-status-import-file]').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'syncs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('integration-status-import-run').click(); // a dry run first
    const report = page.getByTestId('import-report');
    await report.getByText('Dry run: nothing was written').waitFor();
    expect(await report.getByTestId('import-rejected-table').textContent()).toMatch(/2\s*account\s*no account \(or more than one\) has the id, CRM id or domain nowhere.example/);
    await page.getByRole('switch', { name: 'Dry run (write nothing)' }).uncheck();
    await page.getByTestId('integration-status-import-run').click();
    await report.getByText('Imported integration status').waitFor();
    const row = page.getByTestId('integration-table').getByRole('row', { name: /Juniper Clinics/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('billing-sync');
  });
});
