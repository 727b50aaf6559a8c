import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { call, closeSignedIn, hasChromium, openSignedIn, signIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * A support lead reads the demo's load per account (the customer whose rushed go-live brought a flood of how-to
 * questions on top), sorts it, previews a keyword rule before saving it, opens a ticket to read its story, and
 * changes the service-level targets, to a first answer and to solving, the SLA breaches are counted against.
 */
describe.skipIf(!hasChromium)('the support page', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: true, path: '/support' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  it('shows each account’s load, explained, sortable by keyboard, with the trend and repeated questions', async () => {
    const table = page.getByTestId('load-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    const legend = (await page.getByTestId('load-legend').textContent())!;
    expect(legend).toContain('First-response breaches');
    expect(legend).toContain('Resolution breaches');
    expect(await rows.first().textContent()).toMatch(/tickets in the first 30 days after go-live/);
    await page.getByTestId('trend-sentence').waitFor();
    expect(await page.getByTestId('trend-sentence').textContent()).toMatch(/tickets in the last 12 weeks/);
    await page.getByTestId('gaps-sentence').waitFor();
    expect(await page.getByTestId('gap').count()).toBeGreaterThan(0);

    const header = page.getByRole('columnheader', { name: 'First-response breaches' });
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
    // The demo keeps the history of its story customer's tickets: among the 50 newest (the table's first page), one
    // came back after it was solved, and the drawer says so.
    const list = await call<{ items: Array<{ id: string; externalId: string }> }>(
      page,
      'GET',
      '/api/v1/support/tickets?limit=50',
    );
    let reopened: string | undefined;
    for (const t of list.body.items) {
      const one = await call<{ history: Array<{ status: string }> }>(page, 'GET', `/api/v1/support/tickets/${t.id}`);
      const h = one.body.history;
      if (h.some((e, i) => i > 0 && e.status === 'open' && h[i - 1]!.status === 'solved')) {
        reopened = t.externalId;
        break;
      }
    }
    expect(reopened).toBeDefined();
    await page.getByRole('button', { name: new RegExp(`^${reopened}:`) }).click();
    await detail.waitFor();
    expect(await detail.getByTestId('ticket-history').textContent()).toMatch(
      /^Opened as new.*Moved to open.*Solved.*Reopened \(open\) on .*, .* after it was solved\./,
    );
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('shows the service-level targets in sentences, changed by keyboard, the breaches counted again', async () => {
    const card = page.getByTestId('sla-targets');
    const sentences = card.getByTestId('sla-sentences');
    await sentences.waitFor();
    expect(await sentences.textContent()).toContain(
      'Urgent tickets: first answer within 1 hour, solved within 8 hours.',
    );
    expect(await sentences.textContent()).toContain(
      'Normal tickets, and those of a priority not listed: first answer within 8 hours, solved within 3 days.',
    );
    const breach = page.getByTestId('breach-sentence');
    const before = (await breach.textContent())!;
    expect(before).toMatch(/^\d+ of the \d+ tickets measured (was|were) first answered later than the target/);
    expect(before).toContain(
      'to the first answer: urgent 1 hour, high 4 hours, normal and unlisted 8 hours, low 24 hours',
    );
    expect(before).toContain('to solving: urgent 8 hours, high 24 hours, normal and unlisted 3 days, low 5 days');

    await card.getByRole('button', { name: 'Change the targets' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Service-level targets' });
    await dialog.waitFor();
    const normal = dialog.getByLabel('Normal: hours to a first answer');
    await normal.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0.25');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => sentences.textContent())
      .toContain(
        'Normal tickets, and those of a priority not listed: first answer within 15 minutes, solved within 3 days.',
      );
    await expect.poll(() => breach.textContent()).toContain('normal and unlisted 15 minutes');
    const after = (await breach.textContent())!;
    expect(Number(after.match(/^\d+/)![0])).toBeGreaterThan(Number(before.match(/^\d+/)![0]));
  });

  it('changes a resolution target by keyboard, the resolution breaches counted again', async () => {
    const card = page.getByTestId('sla-targets');
    const sentences = card.getByTestId('sla-sentences');
    const breach = page.getByTestId('breach-sentence');
    const resolutionBreaches = (text: string) => Number(text.match(/; (\d+) (was|were) solved later/)![1]);
    const before = resolutionBreaches((await breach.textContent())!);

    await card.getByRole('button', { name: 'Change the targets' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Service-level targets' });
    await dialog.waitFor();
    await dialog.getByLabel('Normal: hours to a first answer').focus();
    await page.keyboard.press('Tab'); // to the same row's resolution field
    const focused = await dialog
      .getByLabel('Normal: hours to resolution')
      .evaluate(
        (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      );
    expect(focused).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0.25');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => sentences.textContent())
      .toContain(
        'Normal tickets, and those of a priority not listed: first answer within 15 minutes, solved within 15 minutes.',
      );
    await expect
      .poll(() => breach.textContent())
      .toContain('to solving: urgent 8 hours, high 24 hours, normal and unlisted 15 minutes');
    expect(resolutionBreaches((await breach.textContent())!)).toBeGreaterThan(before);
  });

  it('shows a refused target next to its field', async () => {
    const card = page.getByTestId('sla-targets');
    await card.getByRole('button', { name: 'Change the targets' }).click();
    const dialog = page.getByRole('dialog', { name: 'Service-level targets' });
    const urgent = dialog.getByLabel('Urgent: hours to a first answer');
    await urgent.fill('0');
    await urgent.press('Enter');
    await expect.poll(() => urgent.getAttribute('aria-invalid')).toBe('true');
    const described = (await urgent.getAttribute('aria-describedby'))!;
    const error = dialog.locator(`[id="${described.split(' ').find((id) => id.endsWith('error'))}"]`);
    expect(await error.textContent()).toBe('must be more than 0 hours');
    // A refused resolution target is said under its own field, not under the first answer's.
    await urgent.fill('1');
    const solving = dialog.getByLabel('Urgent: hours to resolution');
    await solving.fill('3000');
    await solving.press('Enter');
    await expect.poll(() => solving.getAttribute('aria-invalid')).toBe('true');
    expect(await urgent.getAttribute('aria-invalid')).not.toBe('true');
    const solvingError = (await solving.getAttribute('aria-describedby'))!
      .split(' ')
      .find((id) => id.endsWith('error'));
    expect(await dialog.locator(`[id="${solvingError}"]`).textContent()).toBe('at most 2160 hours (90 days)');
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/support targets', problems).join('\n')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await card.getByTestId('sla-sentences').textContent()).toContain(
      'Urgent tickets: first answer within 1 hour, solved within 8 hours.',
    );
  });

  it('shows a viewer the targets without the means to change them', async () => {
    const invited = await call<{ link: string }>(page, 'POST', '/api/v1/users', {
      email: 'vera@vendor.example',
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    const token = invited.body.link.split('#')[1];
    const context = await ui.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    try {
      const joined = await context.request.post(`${ui.server.url}/api/v1/invitation-links/redeem`, {
        data: { token, password: 'veras-own-password', name: 'Vera Viewer' },
      });
      expect(joined.status(), await joined.text()).toBe(200);
      const viewer = await context.newPage();
      await signIn(viewer, ui.server.url, 'vera@vendor.example', 'veras-own-password', '/support');
      const card = viewer.getByTestId('sla-targets');
      await card.getByTestId('sla-sentences').waitFor();
      expect(await card.getByTestId('sla-sentences').textContent()).toContain('Urgent tickets: first answer within');
      expect(await card.getByRole('button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
