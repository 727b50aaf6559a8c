/**
 * Renders docs/screenshot.png for the README: a Baton with the demo workspace, signed in, on the accounts
 * page with one account open. `node bin/run-ts.js scripts/screenshot.ts` (needs Chromium: BATON_CHROMIUM).
 */
import path from 'node:path';
import { startBaton } from '../test/helpers/baton-server.ts';
import { launchBrowser, signIn } from '../test/helpers/browser.ts';

const out = path.resolve(process.argv[2] ?? 'docs/screenshot.png');
const baton = await startBaton({ demo: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await signIn(page, baton.url, baton.adminEmail, baton.adminPassword);
  const table = page.getByTestId('accounts-table');
  await table.waitFor();
  await table.locator('tbody tr').nth(2).click();
  await page.getByTestId('stakeholders').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await baton.close();
}
