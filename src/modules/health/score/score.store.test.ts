import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace, fixtureId } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  bandCounts,
  currentScores,
  historyRows,
  insertScores,
  latestRows,
  refreshComponents,
  rowInForceAt,
} from './score.store.ts';
import type { HealthScoreTable } from './score.table.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const row = (workspaceId: string, accountId: string, scoredAt: string, score: number | null): HealthScoreTable => ({
  id: fixtureId(),
  workspace_id: workspaceId,
  account_id: accountId,
  scored_at: scoredAt,
  score,
  band: score === null ? null : score >= 70 ? 'green' : score >= 40 ? 'yellow' : 'red',
  scorecard_version: 0,
  components: '{"segment":"smb","dimensions":[]}',
  is_current: 1,
});

describe('health score store (both databases)', () => {
  it('keeps one current row per account, the history in order, and the row in force at a moment', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    const c = (await buildAccount(t.db, other)).id;
    await insertScores(t.db, ws, [
      row(ws, a, '2026-11-01T06:00:00.000Z', 80),
      row(ws, b, '2026-11-01T06:00:00.000Z', null),
    ]);
    await insertScores(t.db, other, [row(other, c, '2026-11-01T06:00:00.000Z', 10)]);
    await insertScores(t.db, ws, [row(ws, a, '2026-11-10T06:00:00.000Z', 55)]);
    // two scorings at the same moment: the later insert is the current one
    const same = row(ws, a, '2026-11-10T06:00:00.000Z', 30);
    await insertScores(t.db, ws, [same]);

    const current = await currentScores(t.db, ws);
    expect(current.map((r) => [r.account_id, Number(r.score ?? -1)]).sort()).toEqual(
      [
        [a, 30],
        [b, -1],
      ].sort(),
    );
    expect((await currentScores(t.db, ws, [a])).map((r) => r.id)).toEqual([same.id]);
    expect((await latestRows(t.db, ws, a, 2)).map((r) => Number(r.score))).toEqual([30, 55]);
    expect(Number((await rowInForceAt(t.db, ws, a, '2026-11-09T00:00:00.000Z'))?.score)).toBe(80);
    expect(await rowInForceAt(t.db, ws, a, '2026-10-01T00:00:00.000Z')).toBeUndefined();
    expect(
      (await historyRows(t.db, ws, a, '2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z')).map((r) =>
        Number(r.score),
      ),
    ).toEqual([80, 55, 30]);
    const counts = Object.fromEntries((await bandCounts(t.db, ws)).map((r) => [r.band ?? 'none', Number(r.n)]));
    expect(counts).toEqual({ red: 1, none: 1 });

    await refreshComponents(t.db, ws, same.id, '{"segment":"smb","dimensions":[{"dimension":"adoption"}]}');
    expect((await currentScores(t.db, ws, [a]))[0]?.components).toContain('adoption');
    expect((await currentScores(t.db, other)).map((r) => r.account_id)).toEqual([c]);
  });
});
