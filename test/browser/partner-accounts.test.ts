import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

/**
 * A partner consultant signs in and finds the customer of the project their firm delivers among the
 * accounts, opens it and reads who the stakeholders are; the workspace's other customers stay out of sight
 * and nothing on the page offers to change the account.
 */
describe.skipIf(!hasChromium)('Accounts, as a partner firm delivering a project', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let admin: Page;
  let partner: Page;
  const password = 'correct-horse-battery';

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(admin, server.url, server.adminEmail, server.adminPassword);
    await admin.getByTestId('accounts-table').waitFor();

    const slug = (await call<{ workspace: { slug: string } }>(admin, 'GET', '/api/v1/session')).body.workspace.slug;
    const firm = await call<{ id: string }>(admin, 'POST', '/api/v1/partners', { name: 'Northwind Consulting' });
    expect(firm.status).toBe(201);
    const account = async (name: string) => {
      const res = await call<{ id: string }>(admin, 'POST', '/api/v1/accounts', {
        name,
        segment: 'mid_market',
        domain: `${name.split(' ')[0]?.toLowerCase()}.example`,
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const delivered = await account('Contoso Retail');
    await account('Fabrikam Logistics');
    expect(
      (
        await call(admin, 'POST', `/api/v1/accounts/${delivered}/contacts`, {
          name: 'Priya Shah',
          role: 'champion',
          email: 'priya@contoso.example',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(admin, 'POST', '/api/v1/projects', {
          accountId: delivered,
          name: 'Contoso rollout',
          partnerId: firm.body.id,
        })
      ).status,
    ).toBe(201);

    const r = cli(
      [
        'user',
        'create',
        '--workspace',
        slug,
        '--email',
        'kai@northwind.example',
        '--name',
        'Kai Berg',
        '--role',
        'partner',
        '--partner',
        'Northwind Consulting',
        '--password',
        password,
      ],
      { DATABASE_URL: server.databaseUrl },
    );
    expect(r.status, r.stderr).toBe(0);
    partner = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(partner, server.url, 'kai@northwind.example', password);
    await partner.getByTestId('accounts-table').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the customer of its project, and only that one', async () => {
    const table = partner.getByTestId('accounts-table');
    await table.getByText('Contoso Retail').waitFor();
    expect(await table.getByText('Fabrikam Logistics').count()).toBe(0);
    // The other customer is there for the workspace's own people.
    await admin.reload();
    await admin.getByTestId('accounts-table').getByText('Fabrikam Logistics').waitFor();
    expect(await admin.getByRole('button', { name: 'New account' }).count()).toBe(1);
    expect(await partner.getByRole('button', { name: 'New account' }).count()).toBe(0);
  });

  it('opens it and reads its stakeholders, but not the account team’s ownership record', async () => {
    await admin.getByTestId('accounts-table').getByText('Contoso Retail').click();
    await admin.getByTestId('account-detail').getByTestId('ownership').waitFor();

    const ownership = partner.waitForResponse((r) => r.url().endsWith('/ownership'));
    await partner.getByTestId('accounts-table').getByText('Contoso Retail').click();
    const detail = partner.getByTestId('account-detail');
    await detail.waitFor();
    await partner.getByTestId('stakeholders').getByText('Priya Shah').waitFor();
    expect(await partner.getByTestId('stakeholders').textContent()).toContain('priya@contoso.example');
    expect((await ownership).status()).toBe(404);
    expect(await detail.getByTestId('ownership').count()).toBe(0);
  });
});
