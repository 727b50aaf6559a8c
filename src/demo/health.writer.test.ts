import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { accountNameIndex } from '../modules/accounts/index.ts';
import { accountScore, currentHealthScores } from '../modules/health/index.ts';
import { scoreHistory } from '../modules/health/score/score.service.ts';
import { listSignals } from '../modules/signals/index.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => today });
  summary = await t.ctx.db.transaction().execute((trx) => buildDemoWorkspace(trx, { today }));
}, 180_000);
afterAll(async () => t?.close());

/** The warnings a falling health score should go with: usage, sentiment and the sponsor. */
const WARNINGS = new Set([
  'renewal.sponsor_untouched',
  'renewal.detractor',
  'adoption.low_active_users',
  'adoption.declining_usage',
]);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the demo’s health scores', () => {
  it('scores every customer still with the vendor over 90 days: the warned fall, the others hold', async () => {
    const ws = summary.workspaceId;
    // the signal jobs the demo queued, on its day
    expect(await t.runJobs({ now: today })).toEqual([]);
    const scores = await currentHealthScores(t.ctx.db, ws);
    expect(scores.size).toBeGreaterThan(150);
    expect(summary.healthScorings).toBeGreaterThan(scores.size * 2);
    const warned = new Set<string>();
    for (const s of (await listSignals(t.ctx.db, ws, { open: true, limit: 1000 })).items)
      if (s.accountId && WARNINGS.has(s.kind)) warned.add(s.accountId);

    const changes = { warned: [] as number[], others: [] as number[] };
    const now = { warned: [] as number[], others: [] as number[] };
    for (const [id, s] of scores) {
      const h = await scoreHistory(t.ctx.db, ws, id, '2026-09-01', '2026-12-01T23:59:59.999Z');
      expect(h.length).toBeGreaterThanOrEqual(1);
      const first = h[0]?.score;
      const group = warned.has(id) ? 'warned' : 'others';
      if (s.score !== null) now[group].push(s.score);
      if (first !== null && first !== undefined && s.score !== null) changes[group].push(s.score - first);
    }
    expect(warned.size).toBeGreaterThan(10);
    expect(mean(changes.warned)).toBeLessThan(-10);
    expect(mean(changes.others)).toBeGreaterThanOrEqual(0);
    expect(mean(now.warned)).toBeLessThan(mean(now.others) - 15);

    const cold = (await accountNameIndex(t.ctx.db, ws)).get('coldharbour metalworks') as string;
    const view = await accountScore(t.ctx.db, ws, cold, today);
    expect(view.why.since30Days?.moves.map((m) => m.sentence)).toContainEqual(
      expect.stringMatching(
        /^Relationship fell \d+ points since 1 Nov: the executive sponsor's last touch 70 days ago/,
      ),
    );
  });
});
