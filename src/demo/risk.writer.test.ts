import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { latestBacktest, listRiskScores } from '../modules/health/index.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';
import { BACKTEST_AFTER_SECONDS } from './risk.writer.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => today });
  summary = await t.ctx.db.transaction().execute((trx) => buildDemoWorkspace(trx, { today }));
}, 180_000);
afterAll(async () => t?.close());

describe('the demo’s churn risk', () => {
  it('keeps every customer’s attributes, queues the scoring and the backtest, and they tell a story once run', async () => {
    expect(summary.riskAccounts).toBe(summary.accounts);
    expect(summary.riskHistory).toBeGreaterThanOrEqual(40);
    expect(await latestBacktest(t.ctx.db, summary.workspaceId)).toBeNull();
    // Not due at the demo's creation: the first page is served before the model runs.
    expect(await t.runJobs({ now: today })).toEqual([]);
    expect(await latestBacktest(t.ctx.db, summary.workspaceId)).toBeNull();
    expect(await t.runJobs({ now: new Date(today.getTime() + BACKTEST_AFTER_SECONDS * 1000) })).toEqual([]);

    const b = await latestBacktest(t.ctx.db, summary.workspaceId);
    expect(b?.result.n).toBe(summary.riskHistory);
    expect(b?.result.auc).toBeGreaterThan(0.7);
    expect(b?.result.auc).toBeLessThan(0.95);
    expect(b?.result.lift_top_decile).toBeGreaterThan(1.5);

    const scores = await listRiskScores(t.ctx.db, summary.workspaceId, 500);
    expect(scores).toHaveLength(summary.accounts - summary.riskHistory);
    expect(scores[0]?.probability).toBeGreaterThan(0.5);
    expect(scores.at(-1)?.probability).toBeLessThan(0.15);
  });
});
