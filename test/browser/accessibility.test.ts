import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { axeProblems, describeProblems } from '../helpers/axe.ts';
import { call, hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';

/** Set to a folder to keep a 1440×900 screenshot of every page the walk checks, to look at by eye. */
const SCREENSHOTS = process.env.BATON_A11Y_SCREENSHOTS;

/**
 * Accessibility (WCAG 2.2 AA) of every page: the walk follows the navigation as a person would — every
 * section link, every tab of a section, and the first record each list opens (a drawer, a modal or a page) —
 * so pages added later are checked without being listed here. axe-core finds no serious or critical
 * violation on any of them, nor on the sign-in page and the customer portal; no badge or button label is cut off.
 */
describe.skipIf(!hasChromium)('accessibility of every page', () => {
  let baton: RunningTestBaton;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const inFlight = new Set<unknown>();

  beforeAll(async () => {
    baton = await startBaton({ demo: true });
    browser = await launchBrowser();
    // axe is injected as an inline script, which Baton's Content-Security-Policy refuses.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    page.on('request', (r) => inFlight.add(r));
    page.on('requestfinished', (r) => inFlight.delete(r));
    page.on('requestfailed', (r) => inFlight.delete(r));
    if (SCREENSHOTS) fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
  });

  /** Waits until the page has its data and stands still: no request in flight, no loader, no transition running. */
  async function settle(p: Page, requests: Set<unknown> = inFlight): Promise<void> {
    await expect.poll(() => requests.size, { timeout: 30_000 }).toBe(0);
    await p.waitForFunction(
      () => {
        const doc = (
          globalThis as unknown as {
            document: {
              querySelector(s: string): unknown;
              body: { innerText: string };
              getAnimations(): Array<{ playState: string }>;
            };
          }
        ).document;
        return (
          !doc.querySelector('.mantine-Loader-root') &&
          !doc.body.innerText.includes('Loading…') &&
          doc.getAnimations().every((a) => a.playState !== 'running')
        );
      },
      undefined,
      { timeout: 30_000 },
    );
    await expect.poll(() => requests.size).toBe(0);
  }

  /** Labels of badges and buttons narrower than their text (cut off with an ellipsis, or hidden). */
  const cutOffLabels = (p: Page): Promise<string[]> =>
    p.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            querySelectorAll(s: string): Iterable<{
              scrollWidth: number;
              clientWidth: number;
              textContent: string | null;
              closest(s: string): unknown;
            }>;
          };
        }
      ).document;
      return [...doc.querySelectorAll('.mantine-Badge-label, .mantine-Button-label')]
        .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `label cut off: "${el.textContent}"`);
    });

  const found: string[] = [];
  const checked: string[] = [];
  beforeEach(() => {
    found.length = 0;
  });
  async function check(p: Page, where: string, requests?: Set<unknown>): Promise<void> {
    await settle(p, requests);
    found.push(
      ...describeProblems(where, await axeProblems(p)),
      ...(await cutOffLabels(p)).map((l) => `${where}: ${l}`),
    );
    checked.push(where);
    if (SCREENSHOTS)
      await p.screenshot({
        path: path.join(
          SCREENSHOTS,
          `${String(checked.length).padStart(2, '0')}-${where.replace(/[^a-z0-9]+/gi, '-')}.png`,
        ),
        fullPage: true,
      });
  }

  /** Opens the first record the page lists (Enter on its row, as a keyboard user would), checks it, and closes it. */
  async function checkFirstRecord(where: string): Promise<void> {
    const row = page.locator('.open-row').first();
    if ((await row.count()) === 0) return;
    const before = page.url();
    await row.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(async () => page.url() !== before || (await dialog.count()) > 0, { timeout: 10_000 }).toBe(true);
    await check(page, `${where} › first record`);
    if (page.url() !== before) await page.goBack();
    else {
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    }
  }

  it('has no serious or critical violation on the sign-in page', async () => {
    await page.goto(baton.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await check(page, 'sign-in');
    expect(found).toEqual([]);
  });

  it('has none on any page the navigation reaches, its tabs, or the records they list', async () => {
    await signIn(page, baton.url, baton.adminEmail, baton.adminPassword);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.waitFor();
    const sections = await nav
      .getByRole('link')
      .evaluateAll((links) =>
        links.map(
          (a) => (a as unknown as { getAttribute(name: string): string | null }).getAttribute('href') as string,
        ),
      );
    expect(sections.length).toBeGreaterThanOrEqual(10);
    for (const href of sections) {
      await page.goto(baton.url + href);
      await settle(page);
      const tabs = await page.getByRole('tab').allTextContents();
      if (tabs.length === 0) {
        await check(page, href);
        await checkFirstRecord(href);
      }
      for (const [i, tab] of tabs.entries()) {
        await page.getByRole('tab').nth(i).click();
        await expect.poll(() => page.getByRole('tab').nth(i).getAttribute('aria-selected')).toBe('true');
        await check(page, `${href} › ${tab}`);
        await checkFirstRecord(`${href} › ${tab}`);
      }
    }
    // Pages the account menu opens (everything in it but signing out).
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
    const items = (await page.getByRole('menuitem').allTextContents()).filter((t) => !/sign out/i.test(t));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    for (const item of items) {
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: item }).click();
      await expect.poll(() => page.getByRole('menu').count()).toBe(0);
      await check(page, `account menu › ${item}`);
    }
    if (found.length > 0) console.error(found.join('\n'));
    // The walk reached the lists and records of the built sections.
    expect(checked).toEqual(
      expect.arrayContaining([
        '/accounts',
        '/accounts › first record',
        '/delivery › Projects › first record',
        '/deals › Commitments › first record',
      ]),
    );
    expect(found).toEqual([]);
  }, 900_000);

  it('has none on the customer portal', async () => {
    const projects = await call<{ items: Array<{ id: string }> }>(
      page,
      'GET',
      '/api/v1/projects?status=active&limit=1',
    );
    const made = await call<{ url: string }>(
      page,
      'POST',
      `/api/v1/projects/${projects.body.items[0]!.id}/portal-links`,
      { label: 'Priya Nair', expiresInDays: 30 },
    );
    expect(made.status).toBe(201);
    const customerContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const customer = await customerContext.newPage();
    const requests = new Set<unknown>();
    customer.on('request', (r) => requests.add(r));
    customer.on('requestfinished', (r) => requests.delete(r));
    customer.on('requestfailed', (r) => requests.delete(r));
    await customer.goto(new URL(made.body.url, baton.url).href);
    await customer.getByRole('heading').first().waitFor();
    await check(customer, 'portal');
    await customerContext.close();
    expect(found).toEqual([]);
  });

  it('lets a keyboard skip to the main content, reach a record’s row with Tab and open it with Enter or Space', async () => {
    await page.goto(`${baton.url}/accounts`);
    await settle(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(
      await skip.evaluate(
        (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id,
      ),
    ).toBe('main-content');

    // From the main content, Tab reaches the first account's row (past the search and filters).
    let onRow = false;
    for (let i = 0; i < 30 && !onRow; i++) {
      await page.keyboard.press('Tab');
      onRow = await page.evaluate(() =>
        (
          globalThis as unknown as { document: { activeElement: { matches(s: string): boolean } } }
        ).document.activeElement.matches('.open-row'),
      );
    }
    expect(onRow).toBe(true);
    const ring = await page.evaluate(() => {
      const el = (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;
      const style = (
        globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string } }
      ).getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toBe('solid 2px');
    await page.keyboard.press('Enter');
    await page.getByTestId('stakeholders').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.locator('.open-row').nth(1).focus();
    await page.keyboard.press(' ');
    await page.getByTestId('stakeholders').waitFor();
  });
});
