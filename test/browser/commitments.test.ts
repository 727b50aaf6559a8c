import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTestBaton, startBaton } from '../helpers/baton-server.ts';
import { hasChromium, launchBrowser, signIn } from '../helpers/browser.ts';
import { baton as cli } from '../helpers/cli.ts';

const WHAT = 'Single sign-on with Okta for the field teams';
const WORDS = 'committed by Q3';
const NOTE = 'In the 4.2 release plan, owned by the identity team';

interface Exposure {
  exposed: number;
  overdue: number;
  renewing: number;
  /** From the summary line "n of N promises listed, …". */
  promises: number;
}

/**
 * The promise a customer heard in the sale, as the people involved live it: the account executive records it
 * in the customer's words, the ledger shows it as exposed while product has not answered, a product leader
 * commits to it with a note, and it is no longer exposed, in the ledger and in the exposure report.
 */
describe.skipIf(!hasChromium)('Deals & handoffs → Commitments: a firm promise, exposed until product commits', () => {
  let server: RunningTestBaton;
  let browser: Browser;
  let sales: Page;
  let leader: Page;
  let account: string;
  let before: Exposure;
  let recorded: Exposure;
  let exposedInLedger: number;
  const dueDate = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);

  const openCommitments = async (page: Page, view: 'Ledger' | 'Product review' | 'Exposure report') => {
    await page.getByRole('link', { name: /^Deals/ }).click();
    await page.getByRole('tab', { name: 'Commitments' }).click();
    await page.getByTestId('commitments-views').getByText(view, { exact: true }).click();
  };

  /** The exposure report's three counts and its summary line, as the page shows them. */
  const readExposure = async (page: Page): Promise<Exposure> => {
    const report = page.getByTestId('exposure-report');
    await report.getByTestId('exposure-count-exposed').waitFor();
    const n = async (key: string) => Number(await report.getByTestId(`exposure-count-${key}`).textContent());
    const summary = (await report.getByText(/promises listed/).textContent()) ?? '';
    const promises = Number(/^\d+ of (\d+) promises listed/.exec(summary)?.[1]);
    return { exposed: await n('exposed'), overdue: await n('overdue'), renewing: await n('renewing'), promises };
  };

  /** The count in the ledger's "Exposed (n)" lens. */
  const ledgerExposed = async (page: Page): Promise<number> => {
    const label = page.getByTestId('ledger-lens').getByText(/^Exposed \(\d+\)$/);
    await label.waitFor();
    return Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')?.[1]);
  };

  const ourRow = (page: Page) => page.getByTestId('commitments-table').getByRole('row').filter({ hasText: WHAT });

  beforeAll(async () => {
    server = await startBaton({ demo: true });
    const password = 'correct-horse-battery';
    for (const [email, name, role] of [
      ['sam@vendor.example', 'Sam Rivera', 'sales'],
      ['lena@vendor.example', 'Lena Park', 'leader'],
    ] as const) {
      const r = cli(
        [
          'user',
          'create',
          '--workspace',
          'demo',
          '--email',
          email,
          '--name',
          name,
          '--role',
          role,
          '--password',
          password,
        ],
        { DATABASE_URL: server.databaseUrl },
      );
      expect(r.status, r.stderr).toBe(0);
    }
    browser = await launchBrowser();
    sales = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    leader = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signIn(sales, server.url, 'sam@vendor.example', password);
    await signIn(leader, server.url, 'lena@vendor.example', password);
    await sales.getByTestId('accounts-table').waitFor();
    await leader.getByTestId('accounts-table').waitFor();
    // A customer of the demo workspace, the first by name.
    const first = (await sales.evaluate(async () => (await fetch('/api/v1/accounts?limit=1')).json())) as {
      items: Array<{ name: string }>;
    };
    account = first.items[0]?.name ?? '';
    expect(account).not.toBe('');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is recorded by the account executive in the words the customer heard, and shows as exposed', async () => {
    await openCommitments(sales, 'Exposure report');
    before = await readExposure(sales);
    expect(before.promises).toBeGreaterThan(0);
    await sales.getByTestId('commitments-views').getByText('Ledger', { exact: true }).click();
    exposedInLedger = await ledgerExposed(sales);
    expect(exposedInLedger).toBe(before.exposed);
    expect(await ourRow(sales).count()).toBe(0);

    await sales.getByRole('button', { name: 'Record a promise' }).click();
    const modal = sales.getByRole('dialog', { name: 'Record a promise' });
    await modal.getByTestId('account-picker').fill(account);
    await sales.getByRole('option', { name: account, exact: true }).click();
    expect(await modal.getByTestId('account-picker').inputValue()).toBe(account);
    await modal.getByLabel('What was promised').fill(WHAT);
    await modal.getByLabel('… or a name').fill('the CIO');
    await modal.getByLabel('The words used').fill(WORDS);
    // Baton reads the words as they are typed: firm, so product must commit.
    const reading = modal.getByTestId('words-reading');
    await reading.getByText(/product must reach committed or the promise is exposed/).waitFor();
    expect(await reading.textContent()).toContain('Firm');
    await modal.getByLabel('Due date').fill(dueDate);
    await modal.getByRole('button', { name: 'Record' }).click();
    await sales.getByText(/^Recorded\. Exposed until product reviews it/).waitFor();
    await modal.waitFor({ state: 'detached' });

    const row = ourRow(sales);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe(account);
    expect(cells[2]).toContain(`“${WORDS}”`);
    expect(cells[3]).toBe('Not reviewedexposed');
    expect(cells[5]).toContain('Sam Rivera');
    await expect.poll(() => ledgerExposed(sales), { timeout: 10_000 }).toBe(exposedInLedger + 1);

    await sales.getByTestId('commitments-views').getByText('Exposure report', { exact: true }).click();
    await sales.getByTestId('exposure-exposed').getByRole('row').filter({ hasText: WHAT }).waitFor();
    recorded = await readExposure(sales);
    expect(recorded.exposed).toBe(before.exposed + 1);
    expect(recorded.overdue).toBe(before.overdue);
    expect(recorded.promises).toBe(before.promises + 1);
  });

  it('is committed to by a product leader in the review, with a note', async () => {
    await openCommitments(leader, 'Product review');
    const row = leader.getByTestId('commitments-review-table').getByRole('row').filter({ hasText: WHAT });
    await row.waitFor();
    expect(await row.textContent()).toContain('exposed');
    await row.getByLabel(`Status of ${WHAT}`).click();
    await leader.getByRole('option', { name: 'Committed', exact: true }).click();
    await row.getByLabel(`Note for ${WHAT}`).fill(NOTE);
    await row.getByRole('button', { name: 'Save' }).click();
    await leader.getByText(`${WHAT}: Committed`, { exact: true }).waitFor();
    // Reviewed: it leaves the list of promises waiting for product.
    await row.waitFor({ state: 'detached' });
  });

  it('is no longer exposed: the ledger, the promise and the exposure report say so', async () => {
    await sales.reload();
    const after = await readExposure(sales);
    expect(await sales.getByTestId('exposure-exposed').getByRole('row').filter({ hasText: WHAT }).count()).toBe(0);
    expect(after.exposed).toBe(before.exposed);
    expect(after.exposed).toBe(recorded.exposed - 1);
    expect(after.overdue).toBe(recorded.overdue);
    expect(after.renewing).toBe(recorded.renewing);
    expect(after.promises).toBe(recorded.promises);

    await sales.getByTestId('commitments-views').getByText('Ledger', { exact: true }).click();
    const row = ourRow(sales);
    await row.waitFor();
    expect((await row.locator('td').allTextContents())[3]).toBe('Committed');
    expect(await ledgerExposed(sales)).toBe(exposedInLedger);

    await row.click();
    const drawer = sales.getByRole('dialog', { name: account });
    const history = drawer.getByTestId('commitment-history');
    await history.getByText('Not reviewed → Committed').waitFor();
    expect(await history.textContent()).toContain(NOTE);
    expect(await history.textContent()).toMatch(/^RecordedSam Rivera · .+Not reviewed → CommittedLena Park · /);
    expect(await drawer.getByText('Exposed', { exact: true }).count()).toBe(0);
  });
});
