import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { closeSignedIn, hasChromium, openSignedIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * A support lead reads the demo's load per account (the customer whose rushed go-live brought a flood of how-to
 * questions on top), sorts it, previews a keyword rule before saving it, and opens a ticket to read its story.
 */
describe.skipIf(!hasChromium)('the support page', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: true, path: '/support' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  it('shows each account’s load, explained, sortable by keyboard, with the trend and the repetitive questions', async () => {
    const table = page.getByTestId('load-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await page.getByTestId('load-legend').textContent()).toContain('SLA breaches');
    expect(await rows.first().textContent()).toMatch(/tickets in the first 30 days after go-live/);
    await page.getByTestId('trend-sentence').waitFor();
    expect(await page.getByTestId('trend-sentence').textContent()).toMatch(/tickets in the last 12 weeks/);
    await page.getByTestId('gaps-sentence').waitFor();
    expect(await page.getByTestId('gap').count()).toBeGreaterThan(0);

    const header = page.getByRole('columnheader', { name: 'SLA breaches' });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const breaches = async () =>
      Number(await rows.first().locator('td').nth(8).textContent()) >=
      Number(await rows.last().locator('td').nth(8).textContent());
    expect(await breaches()).toBe(true);

    const problems = await axeProblems(page);
    expect(problems, describeProblems('/support', problems).join('\n')).toEqual([]);
  });

  it('previews how many tickets each keyword rule would label before saving', async () => {
    const editor = page.getByTestId('rules-editor');
    await editor.getByRole('button', { name: 'Add a rule' }).click();
    const count = await editor.getByTestId('rule').count();
    await editor.getByLabel(`Rule ${count}: phrases, one a line`).fill('how do i add users\nadd users');
    await editor.getByRole('button', { name: 'Preview' }).click();
    await editor.getByTestId('rules-preview-summary').waitFor();
    expect(await editor.getByTestId('rule-preview').count()).toBe(count);
    expect(await editor.getByTestId('rule-preview').last().textContent()).toMatch(/^Would label \d+ tickets?/);
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/support rules', problems).join('\n')).toEqual([]);
  });

  it('opens a ticket and tells its history in sentences', async () => {
    await page.getByTestId('ticket-table').locator('tbody tr').first().getByRole('button').click();
    const detail = page.getByTestId('ticket-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('ticket-history').textContent()).toMatch(/Opened as|No status changes were kept/);
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/support ticket', problems).join('\n')).toEqual([]);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });
});
