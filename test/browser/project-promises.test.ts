import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Project {
  id: string;
  late: boolean;
  forecastGoLive: string;
  promisedGoLive: string;
  tasks: Array<{ id: string; key: string; name: string; customerOwned: boolean; milestoneKey: string | null }>;
  slips: Array<{ reasonCode: string | null; note: string | null }>;
}

/**
 * The project page against its promise: "late" and the slips that explain it agree; a slip and a new promise are
 * recorded by hand; an assignment that moves the go-live is explained and confirmed first; rework shows by cause
 * in the economics.
 */
describe.skipIf(!hasChromium)('Project page: slips, promises, assignments and rework', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let page: Page;
  let project: Project;
  let away: string;

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('accounts-table').waitFor();
    const account = await call<{ id: string }>(page, 'POST', '/api/v1/accounts', {
      name: 'Vandelay Industries',
      segment: 'smb',
    });
    expect(account.status).toBe(201);
    const res = await call<Project>(page, 'POST', '/api/v1/projects', {
      accountId: account.body.id,
      promisedGoLive: day(150),
    });
    expect(res.status).toBe(201);
    project = res.body;
    expect((await call(page, 'POST', `/api/v1/projects/${project.id}/kickoff`, {})).status).toBe(200);
    away = (
      await call<{ id: string }>(page, 'POST', '/api/v1/resources', {
        name: 'Kel Varnsen',
        role: 'consultant',
        weeklyCapacityHours: 40,
        costRate: 70,
        billRate: 150,
      })
    ).body.id;
    expect(
      (
        await call(page, 'POST', `/api/v1/resources/${away}/time-off`, {
          from: day(0),
          to: day(365),
          reason: 'sabbatical',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async () => {
    await page.goto(`${server.url}/delivery/projects/${project.id}`);
    await page.getByTestId('slips').waitFor();
  };

  it('says the forecast has not moved past the promise only of a project that is not late', async () => {
    await open();
    await page.getByTestId('slips').getByText('The forecast has not moved past the promise.').waitFor();
    // The promise brought before the forecast: late, and the slip explaining it is there, never the "on time" line.
    expect((await call(page, 'PATCH', `/api/v1/projects/${project.id}`, { promisedGoLive: day(20) })).status).toBe(200);
    await open();
    await page.getByText(/\d+ days late/).waitFor();
    await page.getByTestId('slips').getByTestId('slip').first().waitFor();
    expect(await page.getByTestId('slips').getByText('The forecast has not moved past the promise.').count()).toBe(0);
  });

  it('agrees a new promise from the page, with its reason and who agreed it', async () => {
    const current = (await call<Project>(page, 'GET', `/api/v1/projects/${project.id}`)).body;
    const slips = page.getByTestId('slips');
    await slips.getByRole('button', { name: 'New promise…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Agree a new promised go-live' });
    await dialog.getByLabel('New promised go-live').fill(current.forecastGoLive);
    await dialog.getByLabel('Reason').first().click();
    await page.getByRole('option', { name: 'Customer delay', exact: true }).click();
    await dialog.getByLabel('Note').fill('Their warehouse move');
    await dialog.getByLabel('Agreed by').fill('Art Vandelay (sponsor)');
    await dialog.getByRole('button', { name: 'Agree new promise' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('promise-changes')
      .getByText(/agreed by Art Vandelay \(sponsor\) \(customer\)/)
      .waitFor();
    const after = (await call<Project>(page, 'GET', `/api/v1/projects/${project.id}`)).body;
    expect(after).toMatchObject({ promisedGoLive: current.forecastGoLive, late: false });
  });

  it('records a slip by hand', async () => {
    await page.getByTestId('slips').getByRole('button', { name: 'Record a slip…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a slip' });
    await dialog.getByLabel('Go-live now expected on').fill(day(400));
    await dialog.getByLabel('Reason').first().click();
    await page.getByRole('option', { name: 'Third-party dependency', exact: true }).click();
    await dialog.getByRole('button', { name: 'Record slip' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('slips').getByTestId('slip').getByText('Third-party dependency').waitFor();
  });

  it('explains what an assignment does to the go-live before making it, and records it as the slip’s reason', async () => {
    const task = project.tasks.find((t) => !t.customerOwned && t.milestoneKey !== null)!;
    const before = (await call<Project>(page, 'GET', `/api/v1/projects/${project.id}`)).body;
    await page.getByLabel(`Assignee of ${task.name}`).selectOption(away);
    const warning = page.getByTestId('assignment-warning');
    await warning.getByText(/The go-live moves \d+ days later/).waitFor();
    await warning.getByText(/Kel Varnsen is on time off/).waitFor();
    // Kept as it is: nothing changes.
    await page.getByRole('button', { name: 'Keep as it is' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect((await call<Project>(page, 'GET', `/api/v1/projects/${project.id}`)).body.forecastGoLive).toBe(
      before.forecastGoLive,
    );

    await page.getByLabel(`Assignee of ${task.name}`).selectOption(away);
    await page.getByRole('button', { name: 'Assign anyway' }).click();
    await warning.waitFor({ state: 'hidden' });
    await page
      .getByTestId('slips')
      .getByText(/Resource unavailable: assigned to Kel Varnsen, on time off/)
      .waitFor();
  });

  it('shows rework hours and cost by cause in the economics', async () => {
    expect(
      (await call(page, 'POST', `/api/v1/projects/${project.id}/rework`, { hours: 3, cause: 'defect' })).status,
    ).toBe(201);
    await open();
    const causes = page.getByTestId('project-economics').getByTestId('econ-rework-causes');
    await causes.getByRole('row', { name: /Defect 1 3/ }).waitFor();
  });
});
