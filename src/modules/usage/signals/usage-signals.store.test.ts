import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { addRollupCounts } from '../adoption/rollup.store.ts';
import { firstUsageDay, lastActiveDays } from './usage-signals.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('usage signal store (both databases)', () => {
  it("reads an account's first day of usage and its users' last active days, days taken back to zero aside", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    const otherAccount = (await buildAccount(t.db, ws)).id;
    const feature = (account_id: string, day: string, events: number) => ({
      account_id,
      day,
      feature: 'reports',
      events,
    });
    const user = (account_id: string, day: string, user_key: string, events: number) => ({
      account_id,
      day,
      user_key,
      events,
    });
    await t.db
      .transaction()
      .execute((trx) =>
        addRollupCounts(
          trx,
          ws,
          [
            feature(account, '2026-10-01', 0),
            feature(account, '2026-10-03', 2),
            feature(otherAccount, '2026-09-01', 1),
          ],
          [
            user(account, '2026-10-03', 'ana', 1),
            user(account, '2026-10-09', 'ana', 4),
            user(account, '2026-10-12', 'ana', 0),
            user(account, '2026-10-05', 'bo', 1),
            user(otherAccount, '2026-11-01', 'bo', 1),
          ],
        ),
      );
    expect(await firstUsageDay(t.db, ws, account)).toBe('2026-10-03');
    expect(await firstUsageDay(t.db, ws, (await buildAccount(t.db, ws)).id)).toBeNull();
    expect(await firstUsageDay(t.db, (await buildWorkspace(t.db)).id, account)).toBeNull();
    expect(await lastActiveDays(t.db, ws, account, ['ana', 'bo', 'cy'])).toEqual(
      new Map([
        ['ana', '2026-10-09'],
        ['bo', '2026-10-05'],
      ]),
    );
    expect(await lastActiveDays(t.db, ws, account, [])).toEqual(new Map());
  });
});
