import path from 'node:path';
import { Readable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDeals } from '../../src/modules/deals/deal-import.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

const PIPELINES = path.resolve(
  import.meta.dirname,
  '../../src/modules/deals/stages/fixtures/hubspot-deal-pipelines.json',
);

describe.skipIf(!hasChromium)('Deals & handoffs → Stages', () => {
  let baton: RunningTestBaton;
  let dbh: DatabaseHandle;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    baton = await startBaton({ demo: false });
    dbh = await openDatabase(baton.databaseUrl);
    const ws = await dbh.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const csv =
      'Deal ID,Title,Status,Signed\nS-1,Northwind renewal,Contract signed,2026-10-01\nS-2,Globex pilot,Contract signed,\nS-3,Initech,Won,2026-10-03\n';
    await importDeals(dbh.db, {
      workspaceId: ws.id,
      actor: SYSTEM_ACTOR,
      open: () => Readable.from([Buffer.from(csv)]),
      fileName: 'deals.csv',
      options: { mapping: { 'Deal ID': 'external_id', Title: 'name', Status: 'stage', Signed: 'signed_date' } },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, baton.url, baton.adminEmail, baton.adminPassword);
    await page.getByTestId('accounts-table').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await dbh?.close();
    await baton?.close();
  });

  it('shows the stage no mapping explains, and one click maps it as won', async () => {
    await page.goto(`${baton.url}/deals/stages`);
    const unmapped = page.getByTestId('unmapped-stages');
    const row = unmapped.getByRole('row', { name: /Contract signed/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('2');
    await row.getByRole('button', { name: 'won' }).click();
    await page.getByText('CSV files · any pipeline saved: 2 deals changed state').waitFor();
    await unmapped.waitFor({ state: 'detached' });
    const csv = page.getByTestId('stages-csv-any');
    expect(await csv.getByRole('row', { name: /Contract signed/ }).textContent()).toContain('workspace');
  });

  it('loads a HubSpot pipelines file, whose pipelines then have their own tables', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('pipeline-files').click();
    await (await chooser).setFiles(PIPELINES);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page.getByText(/Loaded 2 pipelines \(12 stages\)/).waitFor();
    const sales = page.getByTestId('stages-hubspot-default');
    await sales.getByText('HubSpot · Sales Pipeline (default)').waitFor();
    expect(await sales.getByRole('row').count()).toBe(8);
  });

  it('saves a changed probability', async () => {
    const sales = page.getByTestId('stages-hubspot-default');
    const input = sales.getByLabel('contractsent probability');
    await input.fill('85');
    await sales.getByTestId('stages-hubspot-default-save').click();
    await page.getByText('HubSpot · Sales Pipeline (default) saved: no deal changed state').waitFor();
    type View = {
      pipelines: Array<{ pipeline: string; stages: Array<{ stage: string; probability: number | null }> }>;
    };
    const res = (await page.evaluate(async () => (await fetch('/api/v1/deals/stage-mappings')).json())) as View;
    const stage = res.pipelines.find((p) => p.pipeline === 'default')?.stages.find((s) => s.stage === 'contractsent');
    expect(stage?.probability).toBe(85);
  });
});
