import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

type Brief = { id: string; dealName: string; accountId: string | null; state: string; completeness: number };

/** Delivery opens on its queue, a thin brief asks before it is accepted, and a promised go-live already past is flagged. */
describe.skipIf(!hasChromium)('the handoff queue', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let admin: Page;
  let delivery: Page;
  let brief: Brief;
  // Ten days before the viewer's today: past, whatever day the test runs.
  const past = (() => {
    const d = new Date(Date.now() - 10 * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  })();

  beforeAll(async () => {
    server = await startBaton({ demo: true });
    const r = cli(
      [
        'user',
        'create',
        '--workspace',
        'demo',
        '--email',
        'dev@vendor.example',
        '--role',
        'delivery',
        '--password',
        'correct-horse-battery',
      ],
      { DATABASE_URL: server.databaseUrl },
    );
    expect(r.status, r.stderr).toBe(0);
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    delivery = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(admin, server.url, server.adminEmail, server.adminPassword);
    await admin.getByTestId('accounts-table').locator('tbody tr').first().waitFor();
    // A draft of the demo, for a known account, given goals, a sponsor and a go-live already past, and submitted thin.
    const drafts = (await call<{ items: Brief[] }>(admin, 'GET', '/api/v1/handoffs?state=draft&limit=100')).body.items;
    brief = drafts.find((b) => b.accountId !== null) as Brief;
    expect(brief, 'the demo has a draft brief for a known account').toBeDefined();
    const content = {
      goals: [{ goal: 'Faster month-end close', successCriterion: '' }],
      stakeholders: [{ name: 'Priya Nair', role: 'Executive sponsor', email: null }],
      promisedGoLive: past,
    };
    const saved = await call(admin, 'PUT', `/api/v1/handoffs/${brief.id}/content`, { content });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await call<Brief>(admin, 'POST', `/api/v1/handoffs/${brief.id}/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    brief = submitted.body;
    await signIn(delivery, server.url, 'dev@vendor.example', 'correct-horse-battery');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens delivery on the briefs with delivery, the past go-live flagged in the list', async () => {
    await delivery.getByRole('link', { name: /^Deals/ }).click();
    await delivery.getByRole('tab', { name: 'Handoffs' }).click();
    const row = delivery
      .getByTestId('handoffs-table')
      .getByRole('row', { name: new RegExp(brief.dealName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await row.waitFor();
    expect(
      await delivery.getByTestId('handoff-filter').getByRole('radio', { checked: true }).getAttribute('value'),
    ).toBe('submitted');
    await row.getByTestId('go-live-passed').waitFor();
    expect(await row.getByTestId('go-live-passed').textContent()).toMatch(/^Promised go-live .+ passed$/);
  });

  it('flags the past go-live on the brief, and asks before accepting a brief below the threshold, naming the score and what is missing', async () => {
    await delivery.getByTestId('handoffs-table').getByText(brief.dealName, { exact: true }).click();
    await delivery.getByTestId('brief-page').waitFor();
    await delivery.getByTestId('review-actions').getByTestId('go-live-passed').waitFor();
    await delivery.getByRole('button', { name: 'Accept', exact: true }).click();
    const modal = delivery.getByRole('dialog', { name: 'Accept a brief below the threshold?' });
    await modal.waitFor();
    const text = await modal.textContent();
    expect(text).toContain(`This brief is ${brief.completeness} % complete, below the`);
    expect(text).toMatch(/Still missing or incomplete:.*Technical environment/);
    await modal.getByRole('button', { name: 'Keep reviewing' }).click();
    await modal.waitFor({ state: 'detached' });
    expect(await delivery.getByTestId('brief-state').textContent()).toBe('With delivery');
    // Accepting at the score said is a choice the reviewer makes.
    await delivery.getByRole('button', { name: 'Accept', exact: true }).click();
    await delivery.getByRole('button', { name: `Accept at ${brief.completeness} %` }).click();
    await delivery.getByText('Brief accepted: the account is with delivery').waitFor();
    expect(await delivery.getByTestId('brief-state').textContent()).toBe('Accepted');
  });
});
