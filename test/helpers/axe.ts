import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Waits until nothing on the page is moving: no CSS transition or animation running, still so two frames later (a
 * drawer or dialog fading in shows its colours half-blended, which axe would read as low contrast).
 */
async function settled(page: Page): Promise<void> {
  const still = "document.getAnimations().every((a) => a.playState !== 'running')";
  for (;;) {
    await page.waitForFunction(still);
    const twoFramesLater = `new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(${still}))))`;
    if (await page.evaluate(twoFramesLater)) return;
  }
}

/**
 * Runs axe-core in the page once nothing moves and answers the serious and critical violations, each with the
 * elements it found them on. The page must allow the injected script (a context with `bypassCSP`: Baton's
 * Content-Security-Policy refuses inline scripts).
 */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    type Result = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
      }>;
    };
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact as string,
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `${n.target.join(' ')} ${n.html.slice(0, 160)} — ` +
              (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
          ),
      }));
  }, TAGS);
}

/** A violation list as lines to read in a failed test. */
export const describeProblems = (where: string, problems: AxeProblem[]): string[] =>
  problems.map((p) => `${where}: ${p.rule} (${p.impact}) ${p.help}\n    ${p.nodes.join('\n    ')}`);
