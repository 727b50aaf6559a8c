import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, buildAccount, buildWorkspace, FIXTURE_NOW } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  addRollupCounts,
  addToRollups,
  deleteSeats,
  findSeats,
  selectAdoptionAggregates,
  selectFeatureRows,
  selectUserRows,
  upsertSeats,
} from './rollup.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY = '2026-11-30';
const inTrx = <T>(f: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(f);

describe('usage rollup store (both databases)', () => {
  it("sums events into one row per account, day and feature (or user), and reads one account's days only", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    const event = (account_id: string | null, occurred_at: string, user_id: string | null, type = 'track') => ({
      account_id,
      type,
      event: type === 'track' ? 'Report Published' : 'Home',
      user_id,
      anonymous_id: user_id ? null : 'anon-1',
      occurred_at,
    });
    await inTrx((db) =>
      addToRollups(db, ws, [
        event(a, '2026-11-01T08:00:00.000Z', 'ana'),
        event(a, '2026-11-01T23:59:59.000Z', 'ana'),
        event(a, '2026-11-02T00:00:00.000Z', null, 'page'),
        event(b, '2026-11-01T08:00:00.000Z', 'bo'),
        event(null, '2026-11-01T08:00:00.000Z', 'nobody'),
      ]),
    );
    await inTrx((db) => addToRollups(db, ws, [event(a, '2026-11-01T09:00:00.000Z', 'ana')]));
    const features = await selectFeatureRows(t.db, ws, a, '2026-11-01', '2026-11-02');
    expect(
      features.sort((x, y) => x.day.localeCompare(y.day)).map((r) => [r.day, r.feature, Number(r.events)]),
    ).toEqual([
      ['2026-11-01', 'Report Published', 3],
      ['2026-11-02', 'page:Home', 1],
    ]);
    expect(
      (await selectUserRows(t.db, ws, a, '2026-11-01', '2026-11-01')).map((r) => [r.user_key, Number(r.events)]),
    ).toEqual([['ana', 3]]);
    expect(await selectFeatureRows(t.db, ws, a, '2026-11-03', '2026-11-30')).toEqual([]);
    expect(await selectFeatureRows(t.db, (await buildWorkspace(t.db)).id, a, '2026-11-01', '2026-11-30')).toEqual([]);
  });

  it('takes counts back with negative events, across more keys than one statement binds', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const features = Array.from({ length: 1_100 }, (_, i) => ({
      account_id: a,
      day: addDays(DAY, -(i % 30)),
      feature: `f-${i}`,
      events: 2,
    }));
    await inTrx((db) => addRollupCounts(db, ws, features, []));
    await inTrx((db) =>
      addRollupCounts(
        db,
        ws,
        features.slice(0, 600).map((f) => ({ ...f, events: -2 })),
        [],
      ),
    );
    const rows = await selectFeatureRows(t.db, ws, a, addDays(DAY, -29), DAY);
    expect(rows).toHaveLength(1_100);
    expect(rows.filter((r) => Number(r.events) === 0)).toHaveLength(600);
  });

  it('upserts seats per account, and forgets them', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    await upsertSeats(t.db, { workspace_id: ws, account_id: a, seats: 20, updated_at: FIXTURE_NOW });
    await upsertSeats(t.db, { workspace_id: ws, account_id: a, seats: 25, updated_at: '2026-11-21T00:00:00.000Z' });
    expect(await findSeats(t.db, ws, a)).toEqual({
      workspace_id: ws,
      account_id: a,
      seats: 25,
      updated_at: '2026-11-21T00:00:00.000Z',
    });
    await deleteSeats(t.db, (await buildWorkspace(t.db)).id, a);
    expect(await findSeats(t.db, ws, a)).toBeDefined();
    await deleteSeats(t.db, ws, a);
    expect(await findSeats(t.db, ws, a)).toBeUndefined();
  });

  it('aggregates adoption per account over the window: active users by day, week and month, events, features and seats', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const [a, quiet, gone] = [
      (await buildAccount(t.db, ws)).id,
      (await buildAccount(t.db, ws)).id,
      (await buildAccount(t.db, ws)).id,
    ];
    const from = addDays(DAY, -29);
    const u = (account_id: string, day: string, user_key: string, events: number) => ({
      account_id,
      day,
      user_key,
      events,
    });
    const f = (account_id: string, day: string, feature: string, events: number) => ({
      account_id,
      day,
      feature,
      events,
    });
    await inTrx((db) =>
      addRollupCounts(
        db,
        ws,
        [
          f(a, DAY, 'reports', 5),
          f(a, addDays(DAY, -10), 'exports', 3),
          f(a, addDays(DAY, -40), 'old', 9),
          f(gone, addDays(DAY, -3), 'reports', 0),
        ],
        [
          u(a, DAY, 'ana', 2),
          u(a, addDays(DAY, -3), 'bo', 4),
          u(a, addDays(DAY, -24), 'cy', 1),
          u(a, addDays(DAY, -10), 'di', 1),
          u(a, addDays(DAY, -10), 'ed', 0),
          u(a, addDays(DAY, -40), 'fay', 7),
        ],
      ),
    );
    await upsertSeats(t.db, { workspace_id: ws, account_id: a, seats: 10, updated_at: FIXTURE_NOW });
    const out = await selectAdoptionAggregates(t.db, ws, [gone, a, quiet], from, DAY);
    expect([...out.keys()], 'accounts without usage in the window are left out').toEqual([a]);
    const usage = out.get(a)!;
    expect({ ...usage, featuresUsed: [...usage.featuresUsed].sort() }).toEqual({
      dau: 1,
      wau: 2,
      mau: 4,
      previous: 1,
      userEvents: 8,
      top3UserEvents: 7,
      events30d: 8,
      featuresUsed: ['exports', 'reports'],
      seats: 10,
    });
    expect(await selectAdoptionAggregates(t.db, ws, [], from, DAY)).toEqual(new Map());
    expect(await selectAdoptionAggregates(t.db, (await buildWorkspace(t.db)).id, [a], from, DAY)).toEqual(new Map());
  });
});
