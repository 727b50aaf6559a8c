import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Task {
  id: string;
  key: string;
  name: string;
  state: string;
}
interface Project {
  id: string;
  forecastGoLive: string;
  tasks: Task[];
}
interface Link {
  id: string;
  url: string;
}

/**
 * The customer's side of a project: a portal link opened in a browser that has never signed in to Baton. The
 * customer says their name once, marks their task done, and the project's forecast and timeline follow; a
 * revoked, an expired and a tampered link each say plainly why the page cannot open.
 */
describe.skipIf(!hasChromium)('the customer portal: working the plan from a link, without a login', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let staff: Page;
  let customerContext: BrowserContext;
  let customer: Page;
  let project: Project;
  let link: Link;

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    browser = await launchBrowser();
    staff = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
    await signIn(staff, server.url, server.adminEmail, server.adminPassword);
    await staff.getByTestId('accounts-table').waitFor();
    const account = await call<{ id: string }>(staff, 'POST', '/api/v1/accounts', {
      name: 'Globex Retail',
      segment: 'smb',
    });
    const created = await call<Project>(staff, 'POST', '/api/v1/projects', {
      accountId: account.body.id,
      name: 'Globex onboarding',
      promisedGoLive: day(90),
    });
    expect(created.status).toBe(201);
    expect((await call(staff, 'POST', `/api/v1/projects/${created.body.id}/kickoff`, {})).status).toBe(200);
    // The team has held the welcome call: the customer's first task is theirs to do now.
    const welcome = created.body.tasks.find((t) => t.key === 'welcome-call')!;
    const worked = await call<Project>(staff, 'PATCH', `/api/v1/projects/${created.body.id}/tasks/${welcome.id}`, {
      state: 'done',
    });
    expect(worked.status).toBe(200);
    project = worked.body;
    const made = await call<Link>(staff, 'POST', `/api/v1/projects/${project.id}/portal-links`, {
      label: 'Priya Nair',
      expiresInDays: 30,
    });
    expect(made.status).toBe(201);
    link = made.body;
    customerContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    customer = await customerContext.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the project, its go-live dates and what is needed from the customer, and no Baton navigation', async () => {
    await customer.goto(`${server.url}${link.url}`);
    const page = customer.getByTestId('portal-page');
    await page.getByRole('heading', { name: 'Globex onboarding' }).waitFor();
    await page.getByText('Globex Retail').waitFor();
    expect(await customer.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
    expect(await customer.getByLabel('Email').count()).toBe(0);
    const needed = page.getByTestId('what-we-need').getByTestId('customer-task');
    await needed.first().waitFor();
    const names = await needed.evaluateAll((els) =>
      els.map((e) => (e as unknown as { getAttribute(name: string): string | null }).getAttribute('data-task-name')),
    );
    expect(names).toContain("Name the customer's admin and share access to the data source");
    await page.getByTestId('portal-plan').getByText('Create the workspace, roles and login policy').waitFor();
  });

  it('lets the customer mark their task done, signed with their name; the forecast and the timeline follow', async () => {
    const before = (await call<Project>(staff, 'GET', `/api/v1/projects/${project.id}`)).body;
    const shownBefore = await customer.getByTestId('portal-forecast').textContent();
    const task = customer.getByTestId('customer-task').filter({ hasText: 'Name the customer' });
    await task.getByRole('button', { name: 'Done' }).click();
    const ask = customer.getByRole('dialog', { name: 'Who are you?' });
    await ask.getByLabel('Your name').fill('Priya Nair');
    await ask.getByRole('button', { name: 'Continue' }).click();
    await task.waitFor({ state: 'detached' });
    await customer.getByTestId('what-we-need').getByText('1 done, thank you').waitFor();
    await customer.getByTestId('portal-timeline').getByText('Priya Nair', { exact: false }).first().waitFor();

    const after = (
      await call<Project & { events: Array<{ actorKind: string; actor: string; kind: string }> }>(
        staff,
        'GET',
        `/api/v1/projects/${project.id}`,
      )
    ).body;
    expect(after.tasks.find((t) => t.key === 'name-admin')?.state).toBe('done');
    // Done before its forecast finish, the customer's task pulls everything after it earlier.
    expect(after.forecastGoLive < before.forecastGoLive).toBe(true);
    expect(after.events).toContainEqual(
      expect.objectContaining({ actorKind: 'customer', actor: 'Priya Nair', kind: 'task_updated' }),
    );
    // The customer's page shows the new forecast at once.
    expect(await customer.getByTestId('portal-forecast').textContent()).not.toBe(shownBefore);

    // The staff's project page shows the customer's action on the timeline, and the new forecast.
    await staff.goto(`${server.url}/delivery/projects/${project.id}`);
    const timeline = staff.getByTestId('project-timeline');
    const entry = timeline
      .getByTestId('timeline-event')
      .filter({ hasText: 'Priya Nair' })
      .filter({ hasText: 'Name the customer' });
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/: Done.*customer.*Priya Nair/);
    // Her task done, the kickoff milestone is reached, in her name too.
    expect(
      await timeline
        .getByTestId('timeline-event')
        .filter({ hasText: 'Milestone reached' })
        .filter({ hasText: 'Priya Nair' })
        .count(),
    ).toBe(1);
  });

  it('remembers the name and sends the customer’s comment to the team', async () => {
    await customer.reload();
    await customer.getByLabel('Message to the project team').fill('Our SSO admin is back on Monday.');
    await customer.getByRole('button', { name: 'Send' }).click();
    await customer.getByTestId('portal-timeline').getByText('Our SSO admin is back on Monday.').waitFor();
    expect(await customer.getByRole('dialog', { name: 'Who are you?' }).count()).toBe(0);
    await staff.reload();
    const comment = staff
      .getByTestId('project-timeline')
      .getByTestId('timeline-event')
      .filter({ hasText: 'Our SSO admin is back on Monday.' });
    await comment.waitFor();
    expect(await comment.textContent()).toMatch(/Priya Nair/);
  });

  it('says plainly when a link was revoked, has expired, or is not a real link', async () => {
    // Revoked from the project page by the staff.
    const card = staff.getByTestId('portal-links');
    const row = card.getByTestId('portal-link').filter({ hasText: 'Priya Nair' });
    staff.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked', { exact: true }).waitFor();
    await customer.goto(`${server.url}${link.url}`);
    await customer.getByTestId('portal-problem').getByRole('heading', { name: 'This link was withdrawn' }).waitFor();

    // Expired: a link whose day has passed.
    const second = (
      await call<Link>(staff, 'POST', `/api/v1/projects/${project.id}/portal-links`, {
        label: 'Jon Berg',
        expiresInDays: 7,
      })
    ).body;
    const dbh = await openDatabase(server.databaseUrl);
    try {
      await dbh.db
        .updateTable('portal_links')
        .set({ expires_at: new Date(Date.now() - 86_400_000).toISOString() })
        .where('id', '=', second.id)
        .execute();
    } finally {
      await dbh.close();
    }
    await customer.goto(`${server.url}${second.url}`);
    await customer.getByTestId('portal-problem').getByRole('heading', { name: 'This link has expired' }).waitFor();

    // Tampered: the signature of another token, and a token that is no token at all.
    const [ws, id] = second.url.replace('/portal/', '').split('.');
    await customer.goto(`${server.url}/portal/${ws}.${id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    await customer.getByTestId('portal-problem').getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await customer.goto(`${server.url}/portal/not-a-link`);
    await customer.getByTestId('portal-problem').getByRole('heading', { name: 'This link is not valid' }).waitFor();
  });
});
