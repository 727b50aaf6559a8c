import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { accountNamesById } from '../modules/accounts/index.ts';
import { effectOf, listNudgeRules, recentNudges } from '../modules/usage/index.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';
import { NUDGE_RULE_DAYS_AGO } from './nudges.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => today });
  summary = await t.ctx.db.transaction().execute((trx) => buildDemoWorkspace(trx, { today }));
}, 180_000);
afterAll(async () => t?.close());

describe('the demo’s onboarding nudges', () => {
  it('nudged onboarding users by the real evaluation, and more of them then published a first report', async () => {
    const ws = summary.workspaceId;
    const [rule] = await listNudgeRules(t.ctx.db, ws);
    expect(rule).toMatchObject({ channel: 'in_app', milestoneEvent: 'Report Published', daysAfterDue: 3 });
    const nudges = await recentNudges(t.ctx.db, ws, 1000);
    expect(nudges.length).toBe(summary.nudges);
    expect(nudges.length).toBeGreaterThanOrEqual(10);
    expect(summary.productUsers).toBeGreaterThan(nudges.length);
    // Made over the past weeks, on the demo's clock, each shown when its user next signed in (some then dismissed).
    const since = new Date(today.getTime() - NUDGE_RULE_DAYS_AGO * 86_400_000).toISOString();
    expect(nudges.every((n) => n.createdAt >= since && n.createdAt < today.toISOString())).toBe(true);
    expect(new Set(nudges.map((n) => n.createdAt.slice(0, 10))).size).toBeGreaterThan(2);
    expect(nudges.every((n) => n.shownAt === null || n.shownAt >= n.createdAt)).toBe(true);
    expect(nudges.some((n) => n.status === 'dismissed')).toBe(true);
    expect(nudges.some((n) => n.status === 'shown')).toBe(true);
    const names = await accountNamesById(t.ctx.db, { workspaceId: ws, partnerId: null });
    const accounts = await t.ctx.db
      .selectFrom('accounts')
      .select(['id', 'lifecycle_phase'])
      .where('workspace_id', '=', ws)
      .execute();
    const phase = new Map(accounts.map((a) => [a.id, a.lifecycle_phase]));
    expect(nudges.every((n) => phase.get(n.accountId) === 'implementing' && names.has(n.accountId))).toBe(true);

    const { items } = await effectOf(t.ctx.db, ws, '2026-09-02', '2026-12-01');
    const effect = items[0]!;
    expect(effect.nudged).toBeGreaterThanOrEqual(10);
    expect(effect.notNudged).toBeGreaterThanOrEqual(5);
    expect(effect.nudgedCompleted).toBeGreaterThan(0);
    expect(effect.notNudgedCompleted).toBeGreaterThan(0);
    expect(effect.nudgedRate!).toBeGreaterThan(effect.notNudgedRate!);
    expect(effect.differencePoints!).toBeGreaterThan(10);
    expect(effect.sentence).toContain('points more');
  });

  it('completed the first-report milestones reached by publishing, as delivery’s usage job does', async () => {
    const reached = await t.ctx.db
      .selectFrom('project_milestones')
      .select(['completed_on', 'completed_by', 'completion_event'])
      .where('workspace_id', '=', summary.workspaceId)
      .where('completed_by', '=', 'usage')
      .execute();
    expect(reached.length).toBeGreaterThanOrEqual(3);
    expect(reached.every((m) => m.completion_event === 'Report Published' && m.completed_on! < '2026-12-01')).toBe(
      true,
    );
  });
});
