import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { closeSignedIn, hasChromium, openSignedIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * An agent opens a solved how-to ticket of the demo: Baton suggests the published articles that answer it, the agent
 * records which one answered the customer (the deflection figures count it), and drafts an article from the ticket.
 */
describe.skipIf(!hasChromium)('knowledge in a ticket', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: true, path: '/support' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  const report = async () => {
    const response = await page.request.get(
      `${ui.server.url}/api/v1/knowledge/deflections/report?from=2000-01-01&to=2100-01-01`,
    );
    expect(response.status()).toBe(200);
    return (await response.json()) as { answered: number; helped: number };
  };

  it('suggests articles for a ticket, records the one that helped, and drafts an article from it', async () => {
    const before = await report();
    const rows = page.getByTestId('ticket-table').locator('tbody tr');
    await rows.first().waitFor();
    const solved = rows.filter({ has: page.locator('td:nth-child(4)', { hasText: /^solved$/ }) });
    await solved.first().getByRole('button').click();
    const detail = page.getByTestId('ticket-detail');
    const knowledge = detail.getByTestId('ticket-knowledge');
    await knowledge.getByRole('button', { name: 'Suggest articles' }).click();
    const suggestions = knowledge.getByTestId('ticket-suggestions');
    await suggestions.waitFor();
    const titles = await suggestions.locator('ol li a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);

    // By keyboard: the first article answered the customer.
    const first = knowledge.getByRole('radio', { name: titles[0] });
    await first.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => first.isChecked()).toBe(true);
    await knowledge.getByRole('button', { name: 'Record the answer' }).click();
    expect(await knowledge.getByTestId('ticket-suggestion-answer').textContent()).toBe(
      `Recorded: “${titles[0]}” answered the customer.`,
    );

    // The deflection figures count it.
    expect(await report()).toMatchObject({ answered: before.answered + 1, helped: before.helped + 1 });

    await knowledge.getByRole('button', { name: 'Draft an article from this ticket' }).click();
    const drafted = knowledge.getByTestId('ticket-drafted');
    await drafted.waitFor();
    expect(await drafted.textContent()).toMatch(/^Drafted .+: edit and publish it on the Knowledge page\.$/);

    const problems = await axeProblems(page);
    expect(problems, describeProblems('/support ticket knowledge', problems).join('\n')).toEqual([]);
  });
});
