import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Delivery → Capacity with a real CRM pipeline: an Opportunity export whose deals carry Salesforce's own
 * probability, and one still open more than a year after its close date, which the plan leaves out and lists.
 */
describe.skipIf(!hasChromium)('Delivery → Capacity: the pipeline as the CRM weighs it, stale deals apart', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    const env = { DATABASE_URL: server.databaseUrl };
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-opps-')), 'Opportunity.csv');
    fs.writeFileSync(
      csv,
      [
        'Id,Name,Account.Name,StageName,Probability,CloseDate,IsClosed,IsWon',
        `006B1,Hooli expansion,Hooli,Negotiation/Review,80,${day(30)},false,false`,
        `006B2,Hooli pilot 2024,Hooli,Prospecting,10,${day(-400)},false,false`,
      ].join('\n'),
    );
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('accounts-table').waitFor();
    expect((await call(page, 'POST', '/api/v1/accounts', { name: 'Hooli', segment: 'smb' })).status).toBe(201);
    expect(
      (await call(page, 'POST', '/api/v1/resources', { name: 'Cara', role: 'consultant', weeklyCapacityHours: 40 }))
        .status,
    ).toBe(201);
    const imported = cli(['import', 'deals', csv, '--workspace', 'main', '--json'], env);
    expect(imported.status, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('weighs deals by the CRM’s probability, lists the stale one apart, and counts it from today when asked', async () => {
    await page.goto(`${server.url}/delivery/capacity`);
    const pipeline = page.getByTestId('pipeline-table');
    await pipeline.waitFor();
    await expect
      .poll(() => pipeline.getByRole('row', { name: /Hooli expansion/ }).textContent())
      .toMatch(/SMB quick start.*80 % \(CRM\)/);
    expect(await pipeline.getByText('Hooli pilot 2024').count()).toBe(0);
    const stale = page.getByTestId('stale-table');
    await expect.poll(() => stale.getByRole('row', { name: /Hooli pilot 2024/ }).textContent()).toMatch(/10 % \(CRM\)/);

    await page.getByTestId('capacity-count-stale').click();
    await expect.poll(() => page.getByTestId('stale-table').count()).toBe(0);
    const counted = pipeline.getByRole('row', { name: /Hooli pilot 2024/ });
    await expect.poll(() => counted.textContent()).toMatch(/stale/);
    await page.getByTestId('capacity-keep-default').click();
    await expect
      .poll(
        async () =>
          (await call<{ staleDeals: string }>(page, 'GET', '/api/v1/delivery/capacity-settings')).body.staleDeals,
      )
      .toBe('count_from_today');
  });
});
