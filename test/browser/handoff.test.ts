import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

/**
 * The handoff as people live it: a won deal arrives from the CRM, the account executive completes the
 * brief, delivery returns it with a reason, the account executive fixes it, delivery accepts it.
 */
describe.skipIf(!hasChromium)('the handoff of a won deal', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let ae: Page;
  let delivery: Page;
  const env = () => ({ DATABASE_URL: server.databaseUrl });

  beforeAll(async () => {
    server = await startBaton({ demo: false });
    const password = 'correct-horse-battery';
    for (const [email, role] of [
      ['ana@vendor.example', 'sales'],
      ['dev@vendor.example', 'delivery'],
    ] as const) {
      const r = cli(
        ['user', 'create', '--workspace', 'main', '--email', email, '--role', role, '--password', password],
        env(),
      );
      expect(r.status, r.stderr).toBe(0);
    }
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-deal-')), 'won.csv');
    fs.writeFileSync(
      csv,
      'external_id,name,account,stage,amount,currency,close_date,signed_date\nW-1,Harbor Foods rollout,Harbor Foods,won,56000,USD,2026-11-20,2026-11-19\n',
    );
    const map = ['external_id', 'name', 'account', 'stage', 'amount', 'currency', 'close_date', 'signed_date'].flatMap(
      (f) => ['--map', `${f}=${f}`],
    );
    const imported = cli(['import', 'deals', csv, '--workspace', 'main', ...map, '--json'], env());
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ read: 1, created: 1, rejected: 0 });

    browser = await launchBrowser();
    ae = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    delivery = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(ae, server.url, 'ana@vendor.example', password);
    await signIn(delivery, server.url, 'dev@vendor.example', password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('arrives as a won deal; once finance confirms it, its brief is a draft for the account executive', async () => {
    // Finance confirms the booking: the admin's role may.
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, server.url, server.adminEmail, server.adminPassword);
    await admin.getByRole('link', { name: /^Deals/ }).click();
    await admin.getByTestId('deals-table').getByText('Harbor Foods rollout').waitFor();
    await admin.getByRole('button', { name: 'Confirm booking' }).click();
    await admin.getByText(/entered the post-sale journey/).waitFor();
    // The confirmed deal now leads to its brief.
    await admin.getByText(/^Confirmed \(1\)$/).click();
    await admin.getByRole('button', { name: 'Handoff brief' }).click();
    await admin.getByTestId('brief-page').getByRole('heading', { name: 'Harbor Foods rollout' }).waitFor();

    await ae.getByRole('link', { name: /^Deals/ }).click();
    await ae.getByRole('tab', { name: 'Handoffs' }).click();
    await ae.getByTestId('handoffs-table').getByText('Harbor Foods rollout').click();
    await ae.getByTestId('brief-page').waitFor();
    expect(await ae.getByTestId('brief-state').textContent()).toBe('Draft');
    expect(await ae.getByTestId('completeness-score').textContent()).toBe('0 %');
  });

  it('is completed by the account executive, the score following as they type, and submitted', async () => {
    // The CRM named a customer Baton does not know yet: the account executive creates it from the brief.
    await ae.getByTestId('account-link').getByRole('button', { name: 'New account…' }).click();
    const modal = ae.getByRole('dialog', { name: 'New account' });
    expect(await modal.getByLabel('Name').inputValue()).toBe('Harbor Foods');
    await modal.getByLabel('Segment').click();
    await ae.getByRole('option', { name: 'Mid-market' }).click();
    await modal.getByRole('button', { name: 'Create' }).click();
    await ae.getByText('Linked to Harbor Foods').waitFor();
    await ae.getByTestId('account-link').waitFor({ state: 'detached' });
    await ae.getByRole('button', { name: 'Add goal' }).click();
    await ae.getByLabel('Goals 1: Goal').fill('Faster store replenishment');
    await ae.getByLabel('Goals 1: Success criterion').fill('Stock-outs down 30 % within 90 days');
    expect(await ae.getByTestId('completeness-score').textContent()).toBe('20 %');
    await ae.getByRole('button', { name: 'Add stakeholder' }).click();
    await ae.getByLabel('Stakeholders 1: Name').fill('Priya Nair');
    await ae.getByLabel('Stakeholders 1: Role').fill('Executive sponsor');
    await ae.getByLabel('Promised go-live').fill('2027-02-15');
    await ae.getByLabel('Pain points').fill('Store managers reorder by phone');
    expect(await ae.getByTestId('completeness-score').textContent()).toBe('55 %');
    await ae.getByRole('button', { name: 'Save' }).click();
    await ae.getByText('Brief saved').waitFor();
    await ae.getByRole('button', { name: 'Submit to delivery' }).click();
    await ae.getByText('Submitted to delivery').waitFor();
    expect(await ae.getByTestId('brief-state').textContent()).toBe('With delivery');
  });

  it('is returned by delivery with a reason, flagged as thin', async () => {
    await delivery.getByRole('link', { name: /^Deals/ }).click();
    await delivery.getByRole('tab', { name: 'Handoffs' }).click();
    await delivery.getByTestId('handoffs-table').getByText('Harbor Foods rollout').click();
    await delivery
      .getByTestId('signals')
      .getByTestId('signal-explanation')
      .getByText(/^The brief was submitted 55 % complete on .+, below the \d+ % threshold\./)
      .waitFor();
    await delivery.getByRole('button', { name: 'Return…' }).click();
    await delivery.getByLabel('Reasons').fill('Which ERP do the stores order from? Integrations are empty.');
    await delivery.getByRole('button', { name: 'Return brief' }).click();
    await delivery.getByText('Brief returned to the account executive').waitFor();
    expect(await delivery.getByTestId('brief-state').textContent()).toBe('Returned');
  });

  it('is fixed by the account executive, who sees the reason, and accepted by delivery', async () => {
    await ae.reload();
    await ae
      .getByTestId('return-reasons')
      .getByText(/Which ERP/)
      .waitFor();
    await ae.getByRole('button', { name: 'Add integration' }).click();
    await ae.getByLabel('Integrations 1: System').fill('SAP Business One');
    await ae.getByLabel('Integrations 1: Purpose').fill('purchase orders');
    await ae
      .getByLabel('Technical environment')
      .fill('SAP Business One on premises, Microsoft 365, Entra ID for sign-in');
    await ae.getByRole('button', { name: 'Save' }).click();
    await ae.getByText('Brief saved').waitFor();
    await ae.getByRole('button', { name: 'Submit to delivery' }).click();
    await ae.getByText('Submitted to delivery').waitFor();

    await delivery.reload();
    await delivery.getByRole('button', { name: 'Accept' }).click();
    // Still below the threshold: delivery is asked, with the score and what is missing, before it accepts.
    await delivery
      .getByRole('dialog', { name: 'Accept a brief below the threshold?' })
      .getByText(/Security and compliance/)
      .waitFor();
    await delivery.getByRole('button', { name: /^Accept at \d+ %$/ }).click();
    await delivery.getByText('Brief accepted: the account is with delivery').waitFor();
    expect(await delivery.getByTestId('brief-state').textContent()).toBe('Accepted');
    const history = await delivery.getByTestId('brief-page').textContent();
    expect(history).toMatch(/Returned/);
    // The account executive can no longer change the record of the handoff.
    await ae.reload();
    await ae.getByTestId('brief-state').getByText('Accepted').waitFor();
    expect(await ae.getByRole('button', { name: 'Save' }).count()).toBe(0);
  });
});
