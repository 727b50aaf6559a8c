import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { insertProject, insertTask } from '../helpers/delivery.ts';

/**
 * A delivery lead adds a consultant on the People page, logs a week of their time in the timesheet grid, and
 * sees the server refuse a day that would pass 24 hours, with the reason next to the grid and nothing saved.
 * Then imports a capacity file whose unknown role is rejected row by row.
 */
describe.skipIf(!hasChromium)('Delivery → People and Time: a consultant, a week of time, the 24-hour rule', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;
  let closeDb: () => Promise<void>;

  const weekTotal = async () =>
    Number(
      /^([\d.]+) h this week/.exec(
        (await page
          .getByTestId('time-entries-table')
          .getByText(/h this week/)
          .textContent()) ?? '',
      )?.[1],
    );

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByRole('link', { name: /^Accounts/ }).waitFor();
    const session = (await page.evaluate(async () => (await fetch('/api/v1/session')).json())) as {
      workspace: { id: string };
    };
    const dbh = await openDatabase(server.databaseUrl);
    closeDb = () => dbh.close();
    const holder = { ctx: { db: dbh.db } };
    const northwind = await insertProject(holder, session.workspace.id, {
      name: 'Northwind rollout',
      commercialModel: 'time_and_materials',
    });
    await insertTask(holder, session.workspace.id, northwind, {
      key: 'sso',
      name: 'Configure SSO',
      taskType: 'integration',
      effortHours: 12,
    });
    await insertProject(holder, session.workspace.id, { name: 'Globex pilot' });
  });

  afterAll(async () => {
    await browser?.close();
    await closeDb?.();
    await server?.close();
  });

  it('adds a consultant on the People page', async () => {
    await page.goto(`${server.url}/delivery/people`);
    await page.getByTestId('add-person').click();
    const form = page.getByTestId('person-form');
    await form.getByLabel('Name').fill('Ana Ruiz');
    await form.getByLabel('Email').fill('ana@vendor.example');
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(async () => page.getByTestId('people-table').getByText('Ana Ruiz').count()).toBe(1);
  });

  it('logs a week in the grid and shows the refusal of a day past 24 hours', async () => {
    await page.goto(`${server.url}/delivery/time`);
    await page.getByTestId('timesheet-person').waitFor();
    await expect.poll(async () => page.getByTestId('timesheet-person').inputValue()).toBe('Ana Ruiz');
    // Last week: every day is in the past.
    await page.getByRole('button', { name: 'Previous week' }).click();
    const addRow = async (project: string) => {
      await page.getByTestId('timesheet-project').click();
      await page.getByRole('option', { name: project }).click();
      await page.getByTestId('timesheet-add-row').click();
    };
    await addRow('Northwind rollout');
    const cells = (row: number) => page.getByTestId('timesheet-row').nth(row).locator('input');
    await cells(0).nth(0).fill('6');
    await cells(0).nth(1).fill('20');
    await page.getByTestId('timesheet-save').click();
    await expect.poll(weekTotal).toBe(26);

    await addRow('Globex pilot');
    await cells(1).nth(1).fill('8');
    await page.getByTestId('timesheet-save').click();
    const errors = page.getByTestId('timesheet-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/Globex pilot.*would have 28 h.*at most 24 h a day/);
    expect(await weekTotal()).toBe(26);
  });

  it('imports a capacity file and rejects the row with an unknown role, naming the known ones', async () => {
    await page.goto(`${server.url}/delivery/people`);
    await page.getByTestId('delivery-import-file').waitFor();
    const csv =
      'name,email,role,weekly_capacity_hours\nBo Builder,bo@vendor.example,consultant,32\nWill Wizard,will@vendor.example,wizard,40\n';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('switch', { name: 'Dry run (write nothing)' }).uncheck();
    await page.getByTestId('delivery-import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getByTestId('import-count-created').textContent()).toMatch(/created 1/);
    expect(await report.getByTestId('import-rejected-table').textContent()).toMatch(
      /role.*unknown delivery role "wizard"; known roles: project_manager/,
    );
    await expect.poll(async () => page.getByTestId('people-table').getByText('Bo Builder').count()).toBe(1);
  });
});
