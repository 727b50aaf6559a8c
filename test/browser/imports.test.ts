import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { baton as cli } from '../helpers/cli.ts';

/** A spreadsheet kept by hand: no CRM wrote its header, so Baton asks which column is which field. */
const CSV = [
  'Company,Website,Tier,HQ country',
  'Northwind Traders,https://www.northwind-traders.com/,Enterprise,United States',
  'Contoso Pharma,contoso-pharma.com,,Germany',
  'Fabrikam Mills,fabrikam-mills.com,Gold,France',
  'Tailspin Toys,tailspin-toys.com,Mid-Market,US',
  '',
].join('\n');

interface AccountView {
  name: string;
  domain: string | null;
  segment: string;
  country: string | null;
}

describe.skipIf(!hasChromium)('Deals & handoffs → Imports: accounts from a CSV of its own shape', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;
  let apiKey: string;
  let csvPath: string;

  const accounts = async (): Promise<AccountView[]> => {
    const res = await fetch(`${server.url}/api/v1/accounts?limit=100`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: AccountView[] }).items;
  };
  const count = (label: string) => page.getByTestId('import-report').getByTestId(`import-count-${label}`);

  /** Opens a column's field select and picks the field; the select shows the choice. */
  const mapColumn = async (column: string, option: string) => {
    const select = page.getByTestId('import-mapping-table').getByLabel(`Field for ${column}`, { exact: true });
    await select.click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await expect.poll(() => select.inputValue(), { timeout: 10_000 }).toBe(option);
  };

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    const key = cli(['apikey', 'create', '--workspace', 'main', '--scope', 'admin'], {
      DATABASE_URL: server.databaseUrl,
    });
    expect(key.status, key.stderr).toBe(0);
    apiKey = key.stdout.trim();
    csvPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-import-')), 'customers.csv');
    fs.writeFileSync(csvPath, CSV);

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('accounts-table').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (csvPath) fs.rmSync(path.dirname(csvPath), { recursive: true, force: true });
  });

  it('previews a file it cannot place, with every column waiting for a field', async () => {
    expect(await accounts()).toEqual([]);
    await page.getByRole('link', { name: /^Deals/ }).click();
    await page.getByRole('tab', { name: 'Imports' }).click();
    await page.getByTestId('import-runs-table').waitFor();
    await page.getByText('No imports yet.').waitFor();
    await page.getByTestId('import-kind').getByText('Accounts', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(csvPath);

    const problems = page.getByTestId('import-problems');
    await problems.getByText(/could not tell which CRM wrote this file/).waitFor();
    const mapping = page.getByTestId('import-mapping-table');
    for (const column of ['Company', 'Website', 'Tier', 'HQ country']) {
      expect(await mapping.getByLabel(`Field for ${column}`, { exact: true }).inputValue()).toBe('(not imported)');
    }
    expect(await mapping.textContent()).toContain('https://www.northwind-traders.com/');
    // Nothing can run before the columns are mapped.
    expect(await page.getByTestId('import-dry-run').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
  });

  it('is mapped column by column; a default segment covers the row that names none; a dry run writes nothing', async () => {
    // Each choice is previewed again by the server; on a slow link the next column is mapped before that answer.
    await page.route('**/api/v1/imports/accounts/preview*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await mapColumn('Company', 'name *');
    await mapColumn('Website', 'domain');
    await mapColumn('Tier', 'segment');
    await mapColumn('HQ country', 'country');
    await page.getByTestId('import-problems').waitFor({ state: 'detached' });
    await page.unroute('**/api/v1/imports/accounts/preview*');
    // Every choice held: the preview reads the four columns as the four fields.
    const preview = page.getByTestId('import-preview-table');
    await preview.getByText('northwind-traders.com', { exact: true }).waitFor();
    expect(await preview.locator('thead th').allTextContents()).toEqual([
      'Row',
      'name',
      'domain',
      'segment',
      'country',
      'Problems',
    ]);
    const mapping = page.getByTestId('import-mapping-table');
    expect(await mapping.getByLabel('Field for Company', { exact: true }).inputValue()).toBe('name *');
    expect(await mapping.getByLabel('Field for Website', { exact: true }).inputValue()).toBe('domain');
    expect(await mapping.getByLabel('Field for Tier', { exact: true }).inputValue()).toBe('segment');
    expect(await mapping.getByLabel('Field for HQ country', { exact: true }).inputValue()).toBe('country');
    expect(await page.getByTestId('import-format').inputValue()).toBe('My own mapping');

    // The preview shows each row as Baton reads it, and the row it would reject.
    const rejected = preview.locator('tr[data-rejected]');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.textContent()).toContain('"Gold" is not a segment');

    await page.getByTestId('import-default-segment').click();
    await page.getByRole('option', { name: 'SMB', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-default-segment').inputValue(), { timeout: 10_000 }).toBe('SMB');

    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-report').getByText('Dry run: nothing was written').waitFor();
    expect(await count('read').textContent()).toBe('read 4');
    expect(await count('would-create').textContent()).toBe('would create 3');
    expect(await count('rejected').textContent()).toBe('rejected 1');
    expect(await accounts()).toEqual([]);
  });

  it('imports: three accounts created, the bad row rejected with its row, field and reason; the run is listed', async () => {
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').getByText('Imported accounts').waitFor();
    expect(await count('read').textContent()).toBe('read 4');
    expect(await count('created').textContent()).toBe('created 3');
    expect(await count('unchanged').textContent()).toBe('unchanged 0');
    expect(await count('rejected').textContent()).toBe('rejected 1');
    const rejectedRows = page.getByTestId('import-rejected-table').locator('tbody tr');
    expect(await rejectedRows.count()).toBe(1);
    const cells = await rejectedRows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('segment');
    expect(cells[2]).toContain('"Gold" is not a segment (enterprise, mid_market, smb)');

    const stored = (await accounts()).map((a) => ({
      name: a.name,
      domain: a.domain,
      segment: a.segment,
      country: a.country,
    }));
    expect(stored.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Contoso Pharma', domain: 'contoso-pharma.com', segment: 'smb', country: 'DE' },
      { name: 'Northwind Traders', domain: 'northwind-traders.com', segment: 'enterprise', country: 'US' },
      { name: 'Tailspin Toys', domain: 'tailspin-toys.com', segment: 'mid_market', country: 'US' },
    ]);

    // Past imports: the import and, below it, the dry run.
    const runs = page.getByTestId('import-runs-table').locator('tbody tr');
    await expect.poll(() => runs.count(), { timeout: 10_000 }).toBe(2);
    const [imported, dry] = [
      await runs.nth(0).locator('td').allTextContents(),
      await runs.nth(1).locator('td').allTextContents(),
    ];
    expect(imported.slice(1)).toEqual(['accountsmapped', 'customers.csv', 'succeeded', '4', '3', '0', '0', '1 (CSV)']);
    expect(dry.slice(1)).toEqual([
      'accountsmapped',
      'customers.csv',
      'succeededdry run',
      '4',
      '3',
      '0',
      '0',
      '1 (CSV)',
    ]);
  });

  it('imports the same file again: the three accounts are unchanged and nothing new is created', async () => {
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').getByText('unchanged 3').waitFor();
    expect(await count('created').textContent()).toBe('created 0');
    expect(await count('updated').textContent()).toBe('updated 0');
    expect(await count('rejected').textContent()).toBe('rejected 1');
    expect((await accounts()).length).toBe(3);
    const runs = page.getByTestId('import-runs-table').locator('tbody tr');
    await expect.poll(() => runs.count(), { timeout: 10_000 }).toBe(3);
    expect((await runs.nth(0).locator('td').allTextContents()).slice(4)).toEqual(['4', '0', '0', '3', '1 (CSV)']);
  });

  it('shows an import whose process stopped as interrupted, and says what to do', async () => {
    // A run as a killed `baton import` leaves it: still running in its row, not heard from for 10 minutes.
    const dbh = await openDatabase(server.databaseUrl);
    try {
      const ws = await dbh.db
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', 'main')
        .executeTakeFirstOrThrow();
      const at = new Date(Date.now() - 10 * 60_000).toISOString();
      await dbh.db
        .insertInto('import_runs')
        .values({
          id: randomUUID(),
          workspace_id: ws.id,
          kind: 'accounts',
          format: 'salesforce',
          file_name: 'Account.csv',
          status: 'running',
          dry_run: 0,
          errors: '[]',
          actor_label: 'cli',
          started_at: at,
          heartbeat_at: at,
          read: 4000,
          created: 4000,
        })
        .execute();
    } finally {
      await dbh.close();
    }
    await page.reload();
    const runs = page.getByTestId('import-runs-table').locator('tbody tr');
    await expect.poll(() => runs.count(), { timeout: 10_000 }).toBe(4);
    const last = runs.nth(3);
    expect((await last.locator('td').allTextContents()).slice(2, 5)).toEqual(['Account.csv', 'interrupted', '4,000']);
    await last.getByText('interrupted').hover();
    await page.getByText('running the same file again completes it').waitFor();
  });
});
