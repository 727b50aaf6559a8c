import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
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
});
