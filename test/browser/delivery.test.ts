import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Task {
  id: string;
  key: string;
  name: string;
  state: string;
  critical: boolean;
  customerOwned: boolean;
}

/**
 * Delivery picks up where the sale ended: a won deal's brief is accepted, its project appears in Delivery →
 * Projects, the project page draws the plan on a calendar and lets delivery work it, and the delivery lead
 * makes the customer's portal link from there.
 */
describe.skipIf(!hasChromium)(
  'Delivery → Projects: from an accepted handoff to the plan and the customer portal',
  () => {
    let server: RunningTestBaton;
    let browser: Browser;
    let admin: Page;
    let lead: Page;
    let projectId: string;
    const projectName = 'Harbor Foods — SMB quick start';

    beforeAll(async () => {
      server = await startBaton({ demo: false });
      const env = { DATABASE_URL: server.databaseUrl };
      const password = 'correct-horse-battery';
      const user = cli(
        [
          'user',
          'create',
          '--workspace',
          'main',
          '--email',
          'dee@vendor.example',
          '--name',
          'Dee Okafor',
          '--role',
          'delivery',
          '--password',
          password,
        ],
        env,
      );
      expect(user.status, user.stderr).toBe(0);
      const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-deal-')), 'won.csv');
      fs.writeFileSync(
        csv,
        `external_id,name,account,stage,amount,currency,close_date,signed_date\nW-7,Harbor Foods rollout,Harbor Foods,won,56000,USD,${day(-3)},${day(-3)}\n`,
      );
      const map = [
        'external_id',
        'name',
        'account',
        'stage',
        'amount',
        'currency',
        'close_date',
        'signed_date',
      ].flatMap((f) => ['--map', `${f}=${f}`]);
      const imported = cli(['import', 'deals', csv, '--workspace', 'main', ...map, '--json'], env);
      expect(imported.status, imported.stderr).toBe(0);

      browser = await launchBrowser();
      admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
      lead = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
      await signIn(admin, server.url, server.adminEmail, server.adminPassword);
      await signIn(lead, server.url, 'dee@vendor.example', password);
      await admin.getByTestId('accounts-table').waitFor();
      await lead.getByTestId('accounts-table').waitFor();
      const person = await call(admin, 'POST', '/api/v1/resources', {
        name: 'Sam Consultant',
        role: 'consultant',
        weeklyCapacityHours: 40,
      });
      expect(person.status).toBe(201);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('starts a project when delivery accepts the brief of a won deal', async () => {
      // The sale's side, through the API: finance confirms, the brief is completed and submitted, delivery accepts.
      const deals = (await call<{ items: Array<{ id: string; name: string }> }>(admin, 'GET', '/api/v1/deals')).body
        .items;
      const deal = deals.find((d) => d.name === 'Harbor Foods rollout')!;
      expect(deal).toBeDefined();
      expect(
        (await call(admin, 'PUT', `/api/v1/deals/${deal.id}/finance-confirmation`, { confirmed: true })).status,
      ).toBe(200);
      const brief = (await call<{ items: Array<{ id: string }> }>(admin, 'GET', `/api/v1/handoffs?dealId=${deal.id}`))
        .body.items[0]!;
      const account = await call<{ id: string }>(admin, 'POST', '/api/v1/accounts', {
        name: 'Harbor Foods',
        segment: 'smb',
      });
      expect(account.status).toBe(201);
      const content = {
        painPoints: ['Store managers reorder by phone'],
        goals: [{ goal: 'Faster store replenishment', successCriterion: 'Stock-outs down 30 % within 90 days' }],
        technicalEnvironment: 'SAP Business One on premises, Microsoft 365, Entra ID for sign-in',
        integrations: [{ system: 'SAP Business One', purpose: 'purchase orders' }],
        securityCompliance: ['SSO with Entra ID'],
        stakeholders: [{ name: 'Priya Nair', role: 'Executive sponsor', email: 'priya@harbor.example' }],
        promisedGoLive: day(75),
        timeline: 'Kickoff next week, pilot store in a month.',
        customerResponsibilities: ['Name an admin'],
        risks: [{ risk: 'Store IT is thin', mitigation: 'Remote setup' }],
        partnerSwimLanes: [],
      };
      const saved = await call(admin, 'PUT', `/api/v1/handoffs/${brief.id}/content`, {
        content,
        accountId: account.body.id,
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect((await call(admin, 'POST', `/api/v1/handoffs/${brief.id}/submit`, {})).status).toBe(200);
      const accepted = await call<{ state: string }>(admin, 'POST', `/api/v1/handoffs/${brief.id}/accept`, {});
      expect(accepted.body.state).toBe('accepted');

      // Delivery finds it in its section, queued.
      await lead.getByRole('link', { name: 'Delivery' }).click();
      const row = lead.getByTestId('projects-table').getByRole('row').filter({ hasText: projectName });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/Queued/);
      expect(await row.textContent()).toMatch(/0\/\d+/);
      await row.click();
      await lead.getByTestId('project-page').waitFor();
      projectId = new URL(lead.url()).pathname.split('/').pop()!;
      expect(lead.url()).toMatch(/\/delivery\/projects\/[^/]+$/);
    });

    it('draws every task of the plan as a bar on the timeline, and the promise as a line', async () => {
      const project = (
        await call<{ tasks: Task[]; milestones: unknown[]; promisedGoLive: string }>(
          lead,
          'GET',
          `/api/v1/projects/${projectId}`,
        )
      ).body;
      expect(project.promisedGoLive).toBe(day(75));
      const gantt = lead.getByTestId('gantt');
      await gantt.getByTestId('gantt-bar').first().waitFor();
      expect(await gantt.getByTestId('gantt-bar').count()).toBe(project.tasks.length);
      expect(await gantt.getByTestId('gantt-milestone').count()).toBe(project.milestones.length);
      expect(await gantt.locator('[data-testid=gantt-bar][data-customer]').count()).toBe(
        project.tasks.filter((t) => t.customerOwned).length,
      );
      expect(await gantt.locator('[data-testid=gantt-bar][data-critical]').count()).toBe(
        project.tasks.filter((t) => t.critical).length,
      );
      // Each bar names its task for a screen reader.
      const first = project.tasks[0]!;
      await gantt.getByRole('listitem', { name: new RegExp(`^${first.name}:`) }).waitFor();
      await gantt.getByText('Promised', { exact: true }).waitFor();
    });

    it('is kicked off and worked from the page: a task done turns its bar grey, a blocked one asks why', async () => {
      await lead.getByRole('button', { name: 'Kickoff' }).click();
      await lead.getByTestId('project-status').getByText('Active').waitFor();
      const project = (await call<{ tasks: Task[] }>(lead, 'GET', `/api/v1/projects/${projectId}`)).body;
      const welcome = project.tasks.find((t) => t.key === 'welcome-call')!;
      await lead.getByLabel(`State of ${welcome.name}`).selectOption('done');
      await lead.getByRole('listitem', { name: new RegExp(`^${welcome.name}:.*Done`) }).waitFor();
      expect(await lead.locator(`[data-testid=gantt-bar][data-state=done]`).count()).toBe(1);

      const setup = project.tasks.find((t) => t.key === 'workspace-setup')!;
      await lead.getByLabel(`State of ${setup.name}`).selectOption('blocked');
      const dialog = lead.getByRole('dialog', { name: /^Blocked/ });
      await dialog.getByLabel('What blocks it').fill('Waiting for the SSO certificate');
      await dialog.getByRole('button', { name: 'Mark blocked' }).click();
      await lead
        .getByTestId('tasks-table')
        .getByText(/Waiting for the SSO certificate/)
        .waitFor();
      expect(await lead.locator(`[data-testid=gantt-bar][data-state=blocked]`).count()).toBe(1);
      const after = (await call<{ tasks: Task[] }>(lead, 'GET', `/api/v1/projects/${projectId}`)).body;
      expect(after.tasks.find((t) => t.key === 'workspace-setup')?.state).toBe('blocked');
      // The timeline says who did it.
      await lead
        .getByTestId('project-timeline')
        .getByText(/Waiting for the SSO certificate/)
        .waitFor();
    });

    it('makes a portal link for the customer, which opens without a login', async () => {
      const card = lead.getByTestId('portal-links');
      await card.getByLabel('Link for').fill('Priya Nair, sponsor');
      await card.getByRole('button', { name: 'Create link' }).click();
      const url = card.getByTestId('portal-url');
      await url.waitFor();
      const link = (await url.textContent()) ?? '';
      expect(link).toMatch(new RegExp(`^${server.url}/portal/\\S+$`));
      expect(
        await card.getByTestId('portal-link').filter({ hasText: 'Priya Nair, sponsor' }).getByText('active').count(),
      ).toBe(1);

      const customer = await (await browser.newContext()).newPage();
      await customer.goto(link);
      await customer.getByTestId('portal-page').getByRole('heading', { name: projectName }).waitFor();
      expect(await customer.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
      await customer.context().close();
    });

    it('records the go-live once every item of its checklist is confirmed', async () => {
      // The rest of the plan is done, task by task in plan order, as the team would report it.
      const plan = (await call<{ tasks: Task[] }>(lead, 'GET', `/api/v1/projects/${projectId}`)).body;
      for (const t of plan.tasks.filter((x) => x.state !== 'done')) {
        const res = await call(lead, 'PATCH', `/api/v1/projects/${projectId}/tasks/${t.id}`, { state: 'done' });
        expect(res.status, `${t.key}: ${JSON.stringify(res.body)}`).toBe(200);
      }
      await lead.reload();
      await lead.getByRole('button', { name: 'Go live…' }).click();
      const dialog = lead.getByRole('dialog', { name: 'Record the go-live' });
      const items = dialog.getByRole('checkbox');
      await items.first().waitFor(); // the dialog renders its checklist after it opens
      expect(await items.count()).toBeGreaterThan(0);
      expect(await dialog.getByRole('button', { name: 'Go live' }).isDisabled()).toBe(true);
      for (const box of await items.all()) await box.check();
      await dialog.getByRole('button', { name: 'Go live' }).click();
      await lead.getByTestId('project-status').getByText('Live').waitFor();
      const live = (await call<{ status: string; goLiveOn: string }>(lead, 'GET', `/api/v1/projects/${projectId}`))
        .body;
      expect(live).toMatchObject({ status: 'live', goLiveOn: day(0) });
    });

    it('starts a project by hand from the New project form, refusing a bad field beside it', async () => {
      await lead.goto(`${server.url}/delivery/projects`);
      await lead.getByRole('button', { name: 'New project' }).click();
      const form = lead.getByTestId('new-project-form');
      await form.getByTestId('account-picker').fill('Harbor');
      await lead.getByRole('option', { name: 'Harbor Foods' }).click();
      // A name past the server's limit comes back as an error at the field, and nothing is started.
      await form.getByLabel('Name').fill('x'.repeat(301));
      await form.getByRole('button', { name: 'Start project' }).click();
      await form.locator('input[aria-invalid=true]').waitFor();
      expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
      expect((await call<{ items: unknown[] }>(lead, 'GET', '/api/v1/projects')).body.items).toHaveLength(1);
      await form.getByLabel('Name').fill('Harbor Foods — second store');
      await form.getByLabel('Promised go-live').fill(day(60));
      await form.getByRole('button', { name: 'Start project' }).click();
      await lead.getByTestId('project-page').getByRole('heading', { name: 'Harbor Foods — second store' }).waitFor();
      await lead.getByTestId('gantt').getByTestId('gantt-bar').first().waitFor();
    });

    it('shows capacity by role and week against the demand, with the buffer kept free, and the kickoff queue', async () => {
      await lead.getByRole('tab', { name: 'Capacity' }).click();
      const heatmap = lead.getByTestId('capacity-heatmap');
      await heatmap.waitFor();
      const plan = (
        await call<{
          weeks: string[];
          roles: string[];
          rows: Array<{ role: string; demandHours: number; capacityHours: number }>;
        }>(lead, 'GET', '/api/v1/delivery/capacity?weeks=12&bufferPct=0.15')
      ).body;
      expect(plan.weeks).toHaveLength(12);
      const consultant = heatmap.getByRole('row').filter({ has: lead.getByRole('rowheader', { name: 'Consultant' }) });
      expect(await consultant.locator('td[data-status]').count()).toBe(12);
      const first = plan.rows.find((r) => r.role === 'consultant')!;
      expect(first.capacityHours).toBeGreaterThan(0);
      expect(await consultant.locator('td[data-status]').first().textContent()).toBe(
        `${Math.round(first.demandHours).toLocaleString('en-US')}/${Math.round(first.capacityHours).toLocaleString('en-US')}`,
      );
      expect(await lead.getByTestId('capacity-totals').locator('td[data-status]').count()).toBe(12);
      // The project started by hand waits for its kickoff; the kicked-off one no longer does.
      const queue = lead.getByTestId('queue-table');
      await queue.getByText('Harbor Foods — second store').waitFor();
      expect(await queue.getByText(projectName).count()).toBe(0);
      // A larger buffer is asked of the server and said back.
      await lead.getByRole('slider').focus();
      await lead.keyboard.press('ArrowRight');
      await lead.getByText('Buffer kept free: 20 %').waitFor();
      await lead.getByText(/20 % of capacity is kept free/).waitFor();
      // Kept as the workspace's default, it is what the plan uses when a request names no buffer.
      await lead.getByTestId('capacity-keep-default').click();
      await expect
        .poll(
          async () =>
            (await call<{ bufferPct: number }>(lead, 'GET', '/api/v1/delivery/capacity-settings')).body.bufferPct,
        )
        .toBe(0.2);
      expect((await call<{ bufferPct: number }>(lead, 'GET', '/api/v1/delivery/capacity')).body.bufferPct).toBe(0.2);
    });
  },
);
