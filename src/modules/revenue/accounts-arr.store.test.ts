import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildSubscription, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { accountsArrOn, arrReport } from './revenue.service.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("some accounts' ARR on a day (both databases)", () => {
  it('gives the figures of the whole book for the accounts asked', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const acme = (await buildAccount(t.db, ws)).id;
    const beta = (await buildAccount(t.db, ws)).id;
    const gamma = (await buildAccount(t.db, ws)).id;
    await buildSubscription(t.db, ws, { account_id: acme, arr_cents: 3_000_000 });
    await buildSubscription(t.db, ws, { account_id: acme, arr_cents: 500_000, start_date: '2026-05-01' });
    await buildSubscription(t.db, ws, { account_id: beta, arr_cents: 900_000, end_date: '2026-03-01' });
    await buildSubscription(t.db, ws, { account_id: gamma, arr_cents: 700_000 });

    const feb = await accountsArrOn(t.db, ws, [acme, beta], '2026-02-01');
    expect(feb).toEqual({
      currency: 'EUR',
      arr: new Map([
        [acme, 30_000],
        [beta, 9_000],
      ]),
    });
    const june = await accountsArrOn(t.db, ws, [acme, beta], '2026-06-01');
    expect(june).toEqual({ currency: 'EUR', arr: new Map([[acme, 35_000]]) });
    for (const [day, some] of [
      ['2026-02-01', feb],
      ['2026-06-01', june],
    ] as const) {
      const book = await arrReport(t.db, t.caps, ws, day);
      expect(book.currency).toBe(some.currency);
      expect(new Map(book.accounts.filter((a) => a.accountId !== gamma).map((a) => [a.accountId, a.arr]))).toEqual(
        some.arr,
      );
    }
  });

  it("reports in the currency the whole book defaults to, not the asked accounts' own", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const acme = (await buildAccount(t.db, ws)).id;
    const gamma = (await buildAccount(t.db, ws)).id;
    await buildSubscription(t.db, ws, { account_id: acme, arr_cents: 3_000_000, currency: 'EUR' });
    await buildSubscription(t.db, ws, { account_id: gamma, arr_cents: 700_000, currency: 'GBP' });
    const some = await accountsArrOn(t.db, ws, [acme], '2026-06-01');
    const book = await arrReport(t.db, t.caps, ws, '2026-06-01');
    expect(some.currency).toBe(book.currency);
    expect(some.currency).toBe('USD');
    expect(some.arr.size).toBe(book.accounts.length);
  });
});
