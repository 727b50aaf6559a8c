import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { projectRecords } from '../modules/delivery/index.ts';
import { listPlayRuns, listPlays } from '../modules/plays/index.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => today });
  summary = await t.ctx.db.transaction().execute((trx) => buildDemoWorkspace(trx, { today }));
}, 180_000);
afterAll(async () => t?.close());

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
