import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

/** A deal file whose only name is its id: on the import page, one column feeds both fields. */
describe.skipIf(!hasChromium)('Deals & handoffs → Imports: a column that feeds several fields', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;
  let csvPath: string;

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    csvPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-multi-')), 'opportunities.csv');
    fs.writeFileSync(csvPath, 'opportunity_id,stage\nOPP-1,Negotiation\nOPP-2,Closed Won\n');
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

  const pick = async (label: string, option: string) => {
    await page.getByTestId('import-mapping-table').getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('maps opportunity_id to external_id and also to name, previews both, and imports', async () => {
    await page.getByRole('link', { name: /^Deals/ }).click();
    await page.getByRole('tab', { name: 'Imports' }).click();
    await page.getByTestId('import-kind').getByText('Deals', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(csvPath);
    await page.getByTestId('import-mapping-table').waitFor();

    await pick('Field for opportunity_id', 'external_id *');
    await pick('Field for stage', 'stage *');
    await pick('More fields for opportunity_id', 'name *');
    await page.keyboard.press('Escape');

    const preview = page.getByTestId('import-preview-table');
    await expect
      .poll(async () => (await preview.locator('thead th').allTextContents()).join(' '))
      .toMatch(/external_id name stage/);
    await page.getByTestId('import-problems').waitFor({ state: 'detached' });
    expect(await preview.locator('tbody tr').first().textContent()).toMatch(/OPP-1.*OPP-1.*Negotiation/);

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').waitFor();
    const deals = (
      await call<{ items: Array<{ externalId: string; name: string }> }>(page, 'GET', '/api/v1/deals?limit=10')
    ).body.items;
    expect(deals.map((d) => [d.externalId, d.name]).sort()).toEqual([
      ['OPP-1', 'OPP-1'],
      ['OPP-2', 'OPP-2'],
    ]);
  });
});
