import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace, fixtureId } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { insertBacktest, insertModel, latestBacktest, listScores, replaceScores, scoreOf } from './risk.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const score = (workspaceId: string, accountId: string, modelId: string, probability: number) => ({
  account_id: accountId,
  workspace_id: workspaceId,
  model_id: modelId,
  probability,
  decile: Math.min(10, Math.floor(probability * 10) + 1),
  drivers: '[]',
  scored_at: '2026-11-20T10:00:00.000Z',
});

describe('risk store (both databases)', () => {
  it("answers a workspace's latest backtest, the newest by time then id", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const backtest = (workspaceId: string, createdAt: string, folds: number) => ({
      id: fixtureId(),
      workspace_id: workspaceId,
      folds,
      result: JSON.stringify({ auc: folds / 20 }),
      created_at: createdAt,
    });
    expect(await latestBacktest(t.db, ws)).toBeUndefined();
    await insertBacktest(t.db, backtest(ws, '2026-11-20T10:00:00.000Z', 5));
    await insertBacktest(t.db, backtest(ws, '2026-11-21T10:00:00.000Z', 10));
    await insertBacktest(t.db, backtest(ws, '2026-11-19T10:00:00.000Z', 3));
    await insertBacktest(t.db, backtest(other, '2026-11-22T10:00:00.000Z', 7));

    expect(await latestBacktest(t.db, ws)).toMatchObject({ folds: 10, created_at: '2026-11-21T10:00:00.000Z' });
  });

  it("replaces a workspace's scores with one model's, lists them riskiest first and reads one account's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const model = fixtureId();
    await insertModel(t.db, { id: model, workspace_id: ws, model: '{}', created_at: '2026-11-20T10:00:00.000Z' });
    const low = await buildAccount(t.db, ws, { name: 'Low' });
    const high = await buildAccount(t.db, ws, { name: 'High' });
    const gone = await buildAccount(t.db, ws, { name: 'Scored before' });
    const theirs = await buildAccount(t.db, other, { name: 'Theirs' });
    await replaceScores(t.db, ws, [score(ws, gone.id, model, 0.9)]);
    await replaceScores(t.db, other, [score(other, theirs.id, model, 0.99)]);
    const many: Array<{ id: string }> = [];
    for (let i = 0; i < 210; i++) many.push(await buildAccount(t.db, ws, { name: `Middle ${i}` }));
    await replaceScores(t.db, ws, [
      score(ws, low.id, model, 0.05),
      score(ws, high.id, model, 0.8),
      ...many.map((a) => score(ws, a.id, model, 0.3)),
    ]);

    const first = await listScores(t.db, ws, 2, 0);
    expect(first.map((s) => s.probability)).toEqual([0.8, 0.3]);
    expect(first[0]!.account_id).toBe(high.id);
    const all = await listScores(t.db, ws, 1000, 0);
    expect(all).toHaveLength(212);
    expect(all.at(-1)!.account_id).toBe(low.id);
    expect(all.map((s) => s.account_id)).not.toContain(gone.id);
    expect(await listScores(t.db, ws, 10, 212)).toEqual([]);
    expect(await scoreOf(t.db, ws, high.id)).toMatchObject({ account_id: high.id, probability: 0.8, decile: 9 });
    expect(await scoreOf(t.db, ws, theirs.id)).toBeUndefined();
  });
});
