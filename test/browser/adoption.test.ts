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
  let ingestKey: string;
  // One moment for the whole file: a time written into a file and the same time expected on the page agree even
  // when the clock crosses a minute between the two.
  const now = Date.now();
  const day = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();

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
    ingestKey = ingest.stdout.trim();
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
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${ingest.stdout.trim()}:`).toString('base64')}`,
      },
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
    await page
      .getByTestId('adoption-table')
      .getByRole('row', { name: /Juniper Clinics/ })
      .getByText('25 %')
      .waitFor();
  });

  it('imports licensed seats from a CSV: checked first, then written, and the rate follows', async () => {
    const csv = 'account,seats\nJuniper Clinics,4\nNo Such Clinic,9\n';
    const card = page.getByTestId('seats-import');
    await card.waitFor();
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'seats.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('seats-import-run').click(); // a dry run first
    const report = card.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getByTestId('import-rejected-table').textContent()).toMatch(
      /no account matches "No Such Clinic"/,
    );
    await page
      .getByTestId('adoption-table')
      .getByRole('row', { name: /Juniper Clinics/ })
      .getByText('25 %')
      .waitFor();
    await card.getByRole('switch', { name: 'Dry run (write nothing)' }).uncheck();
    await page.getByTestId('seats-import-run').click();
    // 2 monthly active users of 4 seats.
    await page
      .getByTestId('adoption-table')
      .getByRole('row', { name: /Juniper Clinics/ })
      .getByText('50 %')
      .waitFor();
  });

  it('imports a daily usage table on the Portfolio page: the refused row named, the account then in the portfolio', async () => {
    const created = cli(['apikey', 'create', '--workspace', 'main', '--scope', 'admin', '--name', 'usage import'], {
      DATABASE_URL: server.databaseUrl,
    });
    expect(created.status, created.stderr).toBe(0);
    await fetch(`${server.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.stdout.trim()}` },
      body: JSON.stringify({ name: 'Larch Logistics', domain: 'larch.example', segment: 'smb' }),
    });
    const d = day(3).slice(0, 10);
    const csv = `day,account,feature,events,user\n${d},larch.example,Export,5,kim\n${d},larch.example,Import,2,lee\n${d},nowhere.example,Export,1,\n`;
    const card = page.getByTestId('usage-import');
    await card.waitFor();
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('usage-import-run').click(); // a dry run first
    const report = card.getByTestId('import-report');
    await report.getByText('Dry run: nothing was written').waitFor();
    expect(await report.getByTestId('import-rejected-table').textContent()).toMatch(
      /3\s*account\s*no account matches "nowhere.example"/,
    );
    expect(
      await page
        .getByTestId('adoption-table')
        .getByRole('row', { name: /Larch Logistics/ })
        .count(),
    ).toBe(0);
    await card.getByRole('switch', { name: 'Dry run (write nothing)' }).uncheck();
    await page.getByTestId('usage-import-run').click();
    const row = page.getByTestId('adoption-table').getByRole('row', { name: /Larch Logistics/ });
    await row.waitFor();
    // No seats, so no adoption rate; 0 today / 2 this week / 2 this month; two features used.
    expect((await row.getByRole('cell').allTextContents()).slice(1, 5)).toEqual(['—', '0 / 2 / 2', '—', '2']);
  });

  it('imports sync reports on the Integrations tab: the unknown account kept aside and said, the others shown', async () => {
    await page.getByRole('tab', { name: 'Integrations' }).click();
    await page.getByText('No integration reports').waitFor();
    const csv = `account,integration,status,detail,occurred_at\n${juniperId},billing-sync,ok,,${day(1)}\n${juniperId},billing-sync,error,401 from the API,${day(2)}\nnowhere.example,billing-sync,ok,,${day(1)}\n`;
    const card = page.getByTestId('integration-status-import');
    await card.waitFor();
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'syncs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('integration-status-import-run').click(); // a dry run first
    const report = card.getByTestId('import-report');
    await report.getByText('Dry run: nothing was written').waitFor();
    // Reports of an account Baton does not know yet wait for it, and the report says so.
    await report
      .getByText(/Reports of 1 account Baton does not know yet \(nowhere\.example\) are kept aside/)
      .waitFor();
    expect(await report.getByTestId('import-rejected-table').count()).toBe(0);
    await card.getByRole('switch', { name: 'Dry run (write nothing)' }).uncheck();
    await page.getByTestId('integration-status-import-run').click();
    await report.getByText('Imported integration status').waitFor();
    const row = page.getByTestId('integration-table').getByRole('row', { name: /Juniper Clinics/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[1]).toBe('billing-sync');
    // The last failed sync: its time (UTC, to the minute) and what it said.
    expect(cells[6]).toBe(`${day(2).slice(0, 16).replace('T', ' ')}401 from the API`);
  });

  it('shows on the Ingest tab what was stored, and a refused batch with the field in error', async () => {
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${ingestKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ batch: [{ type: 'track', userId: 'u1', messageId: 'bad-1', timestamp: day(1) }] }),
    });
    expect(res.status).toBe(400);
    await page.getByRole('tab', { name: 'Ingest' }).click();
    const segment = page.getByTestId('ingest-total-segment');
    await segment.waitFor();
    // Received, stored, duplicates, rejected, unmatched.
    expect((await segment.getByRole('cell').allTextContents()).slice(1, 6)).toEqual(['6', '5', '0', '1', '0']);
    const refused = page.getByTestId('usage-rejections-table').getByRole('row', { name: /Segment/ });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/body\.batch\.0\.event/);
  });
});
