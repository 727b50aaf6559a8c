import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { closeSignedIn, hasChromium, openSignedIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * An admin tunes a signal rule in Settings › Signal rules and reads what the re-evaluation changed, then records a
 * regulatory event in Settings › Regulatory events. The job runner runs, as on a serving instance.
 */
describe.skipIf(!hasChromium)('signal settings', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: false, jobs: true, path: '/settings' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  it('changes a threshold and says what the re-run changed, in a sentence', async () => {
    await page.getByRole('tab', { name: 'Signal rules' }).click();
    await page.getByRole('heading', { name: 'Save by module' }).waitFor();
    let problems = await axeProblems(page);
    expect(problems, describeProblems('/settings/signal-rules', problems).join('\n')).toEqual([]);

    const field = page.getByRole('textbox', { name: /^Days without a touch/ });
    await field.waitFor();
    const before = Number((await field.inputValue()).replace(/\D/g, ''));
    await field.fill(String(before + 5));
    await field.press('Tab');
    const save = page.getByRole('button', { name: 'Save the Relationship rules (relationship.signals)' });
    await save.focus();
    await page.keyboard.press('Enter');
    const sentence = page.getByTestId('rule-run-relationship.signals');
    await expect
      .poll(async () => sentence.textContent(), { timeout: 30_000 })
      .toMatch(/^Re-evaluated \d+ accounts?: \d+ signals? opened, \d+ closed\.$/);
    problems = await axeProblems(page);
    expect(problems, describeProblems('/settings/signal-rules after saving', problems).join('\n')).toEqual([]);
  });

  it('records a regulatory event', async () => {
    await page.getByRole('tab', { name: 'Regulatory events' }).click();
    await page.getByRole('heading', { name: 'Record a regulatory event' }).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill('EU Data Act');
    await page.getByRole('textbox', { name: /^Effective date/ }).fill('2030-09-12');
    await page.getByRole('textbox', { name: 'Note' }).fill('Switching and data portability duties');
    await page.getByRole('button', { name: 'Record event' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'EU Data Act' }).waitFor();
    await page.getByText('0 of 0 accounts in scope reviewed').waitFor();
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/settings/regulatory', problems).join('\n')).toEqual([]);
  });
});
