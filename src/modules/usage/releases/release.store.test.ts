import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace, FIXTURE_NOW, fixtureId } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { addRollupCounts } from '../adoption/rollup.store.ts';
import type { UsageReleaseTable } from './release.table.ts';
import {
  deleteRelease,
  findRelease,
  insertRelease,
  replaceReleaseFeatures,
  selectLastUse,
  selectReleaseFeatures,
  selectReleases,
  updateRelease,
} from './release.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function release(workspaceId: string, over: Partial<UsageReleaseTable> = {}): Promise<UsageReleaseTable> {
  const row: UsageReleaseTable = {
    id: fixtureId(),
    workspace_id: workspaceId,
    name: 'Release',
    version: null,
    released_on: '2026-09-01',
    notes: null,
    plans: null,
    created_at: FIXTURE_NOW,
    updated_at: FIXTURE_NOW,
    ...over,
  };
  await insertRelease(t.db, row);
  return row;
}

describe('release store (both databases)', () => {
  it("lists a workspace's releases newest first (ties by id) and changes one there only", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const old = await release(ws, { released_on: '2026-06-01' });
    const a = await release(ws);
    const b = await release(ws);
    const theirs = await release(other);
    expect((await selectReleases(t.db, ws)).map((r) => r.id)).toEqual([b.id, a.id, old.id]);
    await updateRelease(t.db, ws, theirs.id, { name: 'Taken over' });
    expect(await findRelease(t.db, other, theirs.id)).toEqual(theirs);
    await updateRelease(t.db, ws, a.id, { name: 'Reports 2', version: '2.0' });
    expect(await findRelease(t.db, ws, a.id)).toEqual({ ...a, name: 'Reports 2', version: '2.0' });
  });

  it("replaces a release's features, and deleting it takes its features along", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const r = await release(ws);
    const kept = await release(ws);
    await replaceReleaseFeatures(t.db, ws, r.id, ['sso', 'audit']);
    await replaceReleaseFeatures(t.db, ws, kept.id, ['exports']);
    await replaceReleaseFeatures(t.db, ws, r.id, ['sso', 'reports']);
    expect(await selectReleaseFeatures(t.db, ws)).toEqual([
      { release_id: kept.id, feature_key: 'exports' },
      { release_id: r.id, feature_key: 'reports' },
      { release_id: r.id, feature_key: 'sso' },
    ]);
    await deleteRelease(t.db, ws, r.id);
    expect(await findRelease(t.db, ws, r.id)).toBeUndefined();
    expect(await selectReleaseFeatures(t.db, ws)).toEqual([{ release_id: kept.id, feature_key: 'exports' }]);
    await replaceReleaseFeatures(t.db, ws, kept.id, []);
    expect(await selectReleaseFeatures(t.db, ws)).toEqual([]);
  });

  it('reads the last day each account used each feature within the days asked, days without events aside', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    const f = (account_id: string, day: string, feature: string, events: number) => ({
      account_id,
      day,
      feature,
      events,
    });
    await t.db
      .transaction()
      .execute((trx) =>
        addRollupCounts(
          trx,
          ws,
          [
            f(a, '2026-11-01', 'sso', 1),
            f(a, '2026-11-05', 'sso', 2),
            f(a, '2026-11-09', 'sso', 0),
            f(a, '2026-12-01', 'sso', 1),
            f(b, '2026-11-02', 'reports', 1),
          ],
          [],
        ),
      );
    const rows = await selectLastUse(t.db, ws, [a, b], '2026-11-01', '2026-11-30');
    expect(rows.map((r) => [r.account_id, r.feature, r.last_day]).sort()).toEqual(
      [
        [a, 'sso', '2026-11-05'],
        [b, 'reports', '2026-11-02'],
      ].sort(),
    );
    expect(await selectLastUse(t.db, ws, [], '2026-11-01', '2026-11-30')).toEqual([]);
    expect(await selectLastUse(t.db, (await buildWorkspace(t.db)).id, [a], '2026-11-01', '2026-11-30')).toEqual([]);
  });
});
