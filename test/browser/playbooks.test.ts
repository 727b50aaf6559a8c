import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

const NOTE = 'More time to connect the data source';

interface TaskView {
  key: string;
  effortHours: number;
  dependsOn: string[];
}

/**
 * A delivery lead adapts a built-in playbook: the page refuses a change that would make a dependency cycle,
 * naming the tasks next to the field, and saves the corrected one as a new version, keeping the old one as it
 * was for the projects that started from it.
 */
describe.skipIf(!hasChromium)('Delivery → Playbooks: adapting a built-in playbook into a new version', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let lead: Page;
  let smbId: string;

  const tasksOf = async (page: Page, url: string): Promise<TaskView[]> => {
    const body = (await page.evaluate(async (u) => (await fetch(u)).json(), url)) as {
      definition: { phases: Array<{ tasks: TaskView[] }> };
    };
    return body.definition.phases.flatMap((p) => p.tasks);
  };

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    const password = 'correct-horse-battery';
    const r = cli(
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
      { DATABASE_URL: server.databaseUrl },
    );
    expect(r.status, r.stderr).toBe(0);
    browser = await launchBrowser();
    lead = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await signIn(lead, server.url, 'dee@vendor.example', password);
    await lead.getByTestId('accounts-table').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the built-in playbooks with their rules and figures', async () => {
    await lead.goto(`${server.url}/delivery/playbooks`);
    const table = lead.getByTestId('playbooks-table');
    const smb = table.getByRole('row').filter({ hasText: 'SMB quick start' });
    await smb.waitFor();
    const cells = await smb.locator('td').allTextContents();
    expect(cells[0]).toBe('SMB quick startsmb-quick-start');
    expect(cells[1]).toBe('any');
    expect(cells[2]).toBe('SMB');
    expect(cells[3]).toBe('v1');
    expect(cells[4]).toBe('14');
    expect(await table.getByRole('row').filter({ hasText: 'Enterprise implementation' }).count()).toBe(1);
    expect(await table.getByRole('row').filter({ hasText: 'Mid-market standard implementation' }).count()).toBe(1);
    await smb.click();
    await lead.getByTestId('playbook-editor').waitFor();
    smbId = new URL(lead.url()).pathname.split('/').pop() ?? '';
    expect(lead.url()).toBe(`${server.url}/delivery/playbooks/${smbId}`);
    expect(await lead.getByTestId('playbook-version').textContent()).toBe('v1');
  });

  it('names the cycle next to the dependency that makes it, and saves nothing', async () => {
    const welcome = lead.getByTestId('task-welcome-call');
    await welcome.getByLabel('Depends on').click();
    await lead.getByRole('option', { name: 'handover', exact: true }).click();
    await lead.keyboard.press('Escape');
    await lead.getByRole('button', { name: 'Save as version 2' }).click();
    await welcome
      .getByText(/dependency cycle: welcome-call → handover → readiness-review → .* → welcome-call/)
      .waitFor();
    expect(await lead.getByTestId('playbook-problems').textContent()).toContain(
      'definition.phases[0].tasks[0].dependsOn[0]',
    );
    expect(await lead.getByTestId('playbook-version').textContent()).toBe('v1');
    const stored = await tasksOf(lead, `/api/v1/playbooks/${smbId}`);
    expect(stored.find((t) => t.key === 'welcome-call')?.dependsOn).toEqual([]);
  });

  it('saves the corrected playbook as version 2 and keeps version 1 as it was', async () => {
    const welcome = lead.getByTestId('task-welcome-call');
    await welcome.getByLabel('Depends on').click();
    await lead.keyboard.press('Backspace');
    await lead.keyboard.press('Escape');
    await lead.getByTestId('task-connect-source').getByLabel('Effort hours').fill('9');
    await lead.getByLabel('What changed').fill(NOTE);
    await lead.getByRole('button', { name: 'Save as version 2' }).click();
    await lead.getByTestId('playbook-version').getByText('v2', { exact: true }).waitFor();
    const history = lead.getByTestId('playbook-versions');
    const newest = history.getByRole('row').filter({ hasText: NOTE });
    await newest.waitFor();
    expect(await newest.textContent()).toContain('v2current');
    expect(await newest.textContent()).toContain('dee@vendor.example');

    const current = await tasksOf(lead, `/api/v1/playbooks/${smbId}`);
    expect(current.find((t) => t.key === 'connect-source')?.effortHours).toBe(9);
    expect(current.find((t) => t.key === 'welcome-call')?.dependsOn).toEqual([]);
    const first = await tasksOf(lead, `/api/v1/playbooks/${smbId}/versions/1`);
    expect(first.find((t) => t.key === 'connect-source')?.effortHours).toBe(6);

    // The list shows the new version; the export link gives the file of the current version.
    const href = await lead.getByRole('link', { name: 'YAML' }).first().getAttribute('href');
    expect(href).toBe(`/api/v1/playbooks/${smbId}/export?format=yaml`);
    const yaml = (await lead.evaluate(async (u) => (await fetch(u)).text(), href ?? '')) as string;
    expect(yaml).toContain('key: smb-quick-start');
    expect(yaml).toContain('effortHours: 9');
    await lead.getByRole('link', { name: 'Playbooks' }).first().click();
    const smb = lead.getByTestId('playbooks-table').getByRole('row').filter({ hasText: 'SMB quick start' });
    await smb.getByText('v2', { exact: true }).waitFor();
  });
});
