import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { call, closeSignedIn, hasChromium, openSignedIn, type SignedInBrowser } from '../helpers/browser.ts';

/**
 * A delivery lead opens a running project of the demo, reads the past implementations most like it with what they
 * learned, asks the assistant a question and follows a citation to its source.
 */
describe.skipIf(!hasChromium)('the implementation assistant', () => {
  let ui: SignedInBrowser;
  let page: Page;

  beforeAll(async () => {
    ui = await openSignedIn({ demo: true, path: '/delivery' });
    page = ui.page;
  }, 180_000);
  afterAll(() => closeSignedIn(ui));

  it('shows similar implementations on a project and answers a question with clickable citations', async () => {
    const projects = await call<{ items: Array<{ id: string }> }>(
      page,
      'GET',
      '/api/v1/projects?status=active&limit=50',
    );
    expect(projects.status, JSON.stringify(projects.body)).toBe(200);
    let projectId: string | undefined;
    for (const p of projects.body.items) {
      const similar = await call<{ items: Array<{ lessons: unknown[] }> }>(
        page,
        'GET',
        `/api/v1/projects/${p.id}/similar?limit=3`,
      );
      if (similar.body.items.some((s) => s.lessons.length > 0)) {
        projectId = p.id;
        break;
      }
    }
    expect(projectId, 'a running demo project with a similar past one that learned something').toBeDefined();
    await page.goto(`${ui.server.url}/delivery/projects/${projectId}`);
    const similar = page.getByTestId('similar-project');
    await similar.first().waitFor();
    expect(await similar.first().textContent()).toMatch(/Shares .*Went live|Shares .*kickoff/);

    const box = page.getByLabel('A question about this project');
    await box.fill('How do I connect Salesforce?');
    await box.press('Enter');
    const citation = page.getByTestId('ask-answer').getByTestId('citation').first();
    await citation.waitFor();
    const problems = await axeProblems(page);
    expect(problems, describeProblems('/delivery/projects/:id', problems).join('\n')).toEqual([]);
    const label = (await citation.getAttribute('aria-label'))!;
    expect(label).toMatch(/^Source 1: /);
    await citation.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).not.toContain(`/delivery/projects/${projectId}`);
  });
});
