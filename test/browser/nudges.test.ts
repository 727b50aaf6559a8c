import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { call, closeSignedIn, hasChromium, openSignedIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * An admin opens Adoption › Nudges on the demo, adds an in-app rule for the milestones awaiting "Report Published",
 * sees it among the rules (beside the demo's own), runs the rules and reads each rule's effect in a sentence (the
 * demo's own rule with a difference in points); the lessons card of a delivered project asks what it taught. Each
 * page passes axe.
 */
describe.skipIf(!hasChromium)('the nudges tab', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: true, path: '/adoption' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  it('adds a rule from the keyboard, lists it, runs the rules and shows the effect report', async () => {
    await page.getByRole('tab', { name: 'Nudges' }).click();
    await page.getByRole('heading', { name: 'Nudge rules' }).waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add nudge rule' });
    await dialog.getByLabel('Name').fill('Publish a first report');
    await dialog.getByLabel('Milestone event').fill('Report Published');
    await dialog.getByLabel('Channel', { exact: true }).click();
    await page.getByRole('option', { name: 'In-app message' }).click();
    await dialog.getByLabel('Subject').fill('Your first report is one click away');
    await dialog.getByLabel('Message').fill('Hi {{first_name}}, publish a report to finish {{milestone}}.');
    await dialog.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const rules = page.getByTestId('nudge-rules');
    await rules.getByRole('cell', { name: 'Publish a first report', exact: true }).waitFor();
    const added = rules.getByRole('row', { name: /Publish a first report/ });
    expect(await added.getByRole('cell', { name: 'In-app', exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Run rules now' }).click();
    await page.getByText(/nudged, \d+ emails sent/).waitFor();
    const effect = page.getByTestId('nudge-effect');
    await effect.waitFor();
    const row = effect.getByRole('row', { name: /Publish a first report/ });
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/“Publish a first report” (nudged|Of \d+)/);
    const body = await call<{ items: Array<{ ruleName: string; nudged: number }> }>(
      page,
      'GET',
      `/api/v1/usage/nudges/effect?from=2000-01-01&to=2100-01-01`,
    );
    expect(body.body.items.map((r) => r.ruleName)).toContain('Publish a first report');
    // The demo's own rule has nudged users over the past weeks: its row says how many then did the milestone's event.
    await expect
      .poll(async () => (await effect.getByRole('row', { name: /First report reminder/ }).textContent()) ?? '')
      .toMatch(/points more/);

    const problems = await axeProblems(page);
    expect(problems, describeProblems('/adoption/nudges', problems).join('\n')).toEqual([]);
  });

  it('a delivered project asks for its lessons and lists its leads’ lessons and decisions', async () => {
    const projects = await call<{ items: Array<{ id: string; status: string }> }>(
      page,
      'GET',
      '/api/v1/projects?limit=200',
    );
    const delivered = projects.body.items.filter((p) => p.status === 'live' || p.status === 'closed');
    let shown = false;
    for (const p of delivered) {
      const lessons = await call<{ items: unknown[] }>(page, 'GET', `/api/v1/knowledge/projects/${p.id}/lessons`);
      if (lessons.body.items.length === 0) continue;
      await page.goto(`${ui.server.url}/delivery/projects/${p.id}`);
      const card = page.getByTestId('lessons');
      await card.getByTestId('lesson').first().waitFor();
      expect(await card.getByText(/Lesson|Configuration decision/).count()).toBeGreaterThan(0);
      shown = true;
      break;
    }
    expect(shown).toBe(true);
    await page.getByTestId('lessons').getByRole('button', { name: 'Add' }).click();
    await page.getByRole('dialog', { name: 'Record a lesson or decision' }).waitFor();
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/delivery/projects/:id', problems).join('\n')).toEqual([]);
  });
});
