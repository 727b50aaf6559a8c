import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { accountNameIndex, accountNamesById } from '../modules/accounts/index.ts';
import { getProject, projectRecords } from '../modules/delivery/index.ts';
import { accountScore, currentHealthScores, latestBacktest, listRiskScores } from '../modules/health/index.ts';
import { scoreHistory } from '../modules/health/score/score.service.ts';
import { listArticles, listLessons } from '../modules/knowledge/index.ts';
import { lessonsAsked } from '../modules/knowledge/lesson.ts';
import { listPlayRuns, listPlays } from '../modules/plays/index.ts';
import { listSignals } from '../modules/signals/index.ts';
import { getTicketWithHistory } from '../modules/support/ticket.service.ts';
import { effectOf, listNudgeRules, recentNudges } from '../modules/usage/index.ts';
import { NUDGE_RULE_DAYS_AGO } from './nudges.ts';
import { BACKTEST_AFTER_SECONDS } from './risk.writer.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';

/**
 * What the demo's writers leave in one demo workspace, built once for all of them (building it is most of the
 * time): health and signals, lessons, onboarding nudges, plays, support histories, and the risk model last (it
 * runs the backtest job).
 */
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

describe('the demo’s lessons', () => {
  it('files its leads’ lessons and decisions on delivered projects, drafts an article, asks for more', async () => {
    const scope = { workspaceId: summary.workspaceId, partnerId: null };
    const delivered = (await projectRecords(t.ctx.db, scope)).filter((p) => ['live', 'closed'].includes(p.status));
    const all = [];
    const asks = [];
    for (const p of delivered) {
      const lessons = await listLessons(t.ctx.db, scope, p.id);
      all.push(...lessons);
      asks.push(...lessonsAsked(await getProject(t.ctx.db, scope, p.id), lessons));
    }
    expect(all.length).toBe(summary.lessons);
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(all.map((l) => l.kind))).toEqual(new Set(['lesson', 'decision']));
    expect(
      all.map((l) => [l.author, l.at]).filter(([a, at]) => a === 'baton demo' || at! > today.toISOString()),
    ).toEqual([]);
    expect(all.filter((l) => l.articleId)).toHaveLength(1);
    expect(asks.length).toBeGreaterThan(0);
    const drafts = (await listArticles(t.ctx.db, summary.workspaceId, { status: 'draft', limit: 500 })).items.filter(
      (a) => a.source === 'project',
    );
    expect(drafts).toMatchObject([{ status: 'draft', sourceRef: all.find((l) => l.articleId)?.id }]);
  });
});

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

describe('the demo’s plays', () => {
  it('runs plays on its accounts, some worked through and judged, some open with tasks done', async () => {
    const ws = summary.workspaceId;
    const runs = await listPlayRuns(t.ctx.db, ws, undefined, 1000);
    const judged = runs.filter((r) => r.outcome);
    expect(judged.length).toBeGreaterThan(1);
    // The outcomes read the health history: not every judged run worked, and the sentences say why.
    expect(judged.some((r) => r.outcome?.sentence.includes('health'))).toBe(true);
    expect(runs.some((r) => r.status === 'open' && r.tasks.some((x) => x.doneAt))).toBe(true);
    expect(runs.some((r) => r.status === 'open' && r.startedOn === '2026-12-01')).toBe(true);
    const plays = await listPlays(t.ctx.db, ws);
    expect(plays.filter((p) => p.runs > 0).length).toBeGreaterThan(0);
    expect(plays.some((p) => p.successRate !== null)).toBe(true);
  });

  it.each([
    ['kickoff', 'project kicked off on'],
    ['first_value', 'first value reached on'],
    ['healthy_after_go_live', 'healthy since'],
    ['new_team_active', 'Operations active since'],
  ])('runs a %s play on an account whose story fits, its tasks in believable states', async (type, words) => {
    const ws = summary.workspaceId;
    const play = (await listPlays(t.ctx.db, ws)).find((p) => p.trigger.type === type)!;
    const runs = await listPlayRuns(t.ctx.db, ws, play.id, 1000);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.trigger.includes(words))).toBe(true);
    for (const r of runs) {
      expect(r.startedOn <= '2026-12-01').toBe(true);
      // Tasks are done on or before today, never before the run started.
      for (const task of r.tasks.filter((x) => x.doneAt)) {
        expect(task.doneAt!.slice(0, 10) >= r.startedOn && task.doneAt! <= today.toISOString()).toBe(true);
      }
    }
    if (type !== 'new_team_active') {
      expect(runs.some((r) => r.tasks.some((x) => x.doneAt) && r.tasks.some((x) => !x.doneAt))).toBe(true);
      // Some owners are late: a task due before today not done yet.
      expect(runs.some((r) => r.tasks.some((x) => !x.doneAt && x.due < '2026-12-01'))).toBe(true);
    }
  });

  it('starts the journey plays on accounts that were kicked off or reached first value on that day', async () => {
    const ws = summary.workspaceId;
    const projects = await projectRecords(t.ctx.db, { workspaceId: ws, partnerId: null });
    const plays = await listPlays(t.ctx.db, ws);
    for (const [type, day] of [
      ['kickoff', (p: (typeof projects)[number]) => p.kickoff_on],
      ['first_value', (p: (typeof projects)[number]) => p.first_value_on],
    ] as const) {
      const play = plays.find((p) => p.trigger.type === type)!;
      for (const run of await listPlayRuns(t.ctx.db, ws, play.id, 1000))
        expect(projects.some((p) => p.account_id === run.account.id && day(p) === run.startedOn)).toBe(true);
    }
  });
});

describe('the demo’s ticket history', () => {
  it('keeps the story customer’s status changes, several reopened, and those of a share of the others', async () => {
    const ws = summary.workspaceId;
    const rows = await t.ctx.db
      .selectFrom('tickets')
      .select(['id', 'account_id'])
      .where('workspace_id', '=', ws)
      .execute();
    expect(rows).toHaveLength(summary.tickets);
    const perAccount = new Map<string | null, number>();
    for (const r of rows) perAccount.set(r.account_id, (perAccount.get(r.account_id) ?? 0) + 1);
    const [story] = [...perAccount].filter(([a]) => a).sort((a, b) => b[1] - a[1])[0]!;
    const tickets = await Promise.all(rows.map((r) => getTicketWithHistory(t.ctx.db, ws, r.id)));
    const ofStory = tickets.filter((x) => x.accountId === story);
    expect(ofStory.every((x) => x.history.length > 0 && x.history[0]!.status === 'new')).toBe(true);
    const reopened = ofStory.filter((x) =>
      x.history.some((e, i) => i > 0 && x.history[i - 1]!.status === 'solved' && e.status === 'open'),
    );
    expect(reopened.length).toBeGreaterThanOrEqual(4);
    expect(reopened.every((x) => x.reopens === 1)).toBe(true);
    const others = tickets.filter((x) => x.accountId !== story);
    const withHistory = others.filter((x) => x.history.length > 0).length;
    expect(withHistory).toBeGreaterThan(others.length * 0.3);
    expect(withHistory).toBeLessThan(others.length);
    expect(tickets.reduce((n, x) => n + x.history.length, 0)).toBe(summary.ticketStatusChanges);
    // The ticket's times read from its history: created when it came in, solved the first time it was solved.
    for (const x of tickets.filter((y) => y.history.length > 0)) {
      expect(x.createdAt).toBe(x.history[0]!.at);
      expect(x.status).toBe(x.history.at(-1)!.status);
      if (x.solvedAt) expect(x.history.find((e) => e.status === 'solved')?.at).toBe(x.solvedAt);
      expect(x.history.every((e) => e.at < today.toISOString())).toBe(true);
    }
  });
});

describe('the demo’s churn risk', () => {
  it('keeps every customer’s attributes, queues scoring and backtest, which tell a story once run', async () => {
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
