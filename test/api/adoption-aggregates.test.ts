import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, adoptionNumbers } from '../../src/modules/usage/adoption/adoption.ts';
import { portfolio } from '../../src/modules/usage/adoption/adoption.service.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The portfolio's numbers come from aggregates the database computes; one account's page computes them from its
 * daily rows in code. For any rollups, both must agree.
 */

let t: TestApp;
let ws: string;
const DAY = '2026-11-20';

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('aggregates');
});
afterAll(() => t?.close());

const row = fc.record({
  offset: fc.integer({ min: 0, max: 40 }),
  key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  events: fc.integer({ min: 0, max: 50 }),
});

describe('portfolio aggregates', () => {
  it('equal the numbers computed from the daily rows, for any rollups', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            users: fc.array(row, { maxLength: 25 }),
            features: fc.array(row, { maxLength: 25 }),
            seats: fc.option(fc.integer({ min: 1, max: 30 })),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (accounts) => {
          round++;
          const db = t.ctx.db;
          await db.deleteFrom('usage_daily_account_user').where('workspace_id', '=', ws).execute();
          await db.deleteFrom('usage_daily_account_feature').where('workspace_id', '=', ws).execute();
          await db.deleteFrom('usage_account_seats').where('workspace_id', '=', ws).execute();
          const expected = new Map<string, ReturnType<typeof adoptionNumbers>>();
          for (const [i, a] of accounts.entries()) {
            const id = `r${round}-a${i}`;
            await db
              .insertInto('accounts')
              .values({
                id,
                workspace_id: ws,
                name: id,
                domain: null,
                segment: 'smb',
                industry: null,
                region: null,
                country: null,
                lifecycle_phase: 'live',
                renewal_date: null,
                ae_user_id: null,
                delivery_lead_user_id: null,
                csm_user_id: null,
                account_manager_user_id: null,
                partner_id: null,
                created_at: 'x',
                updated_at: 'x',
              })
              .execute();
            // One row per (day, key): the rollups' primary key.
            const dedupe = <T extends { offset: number; key: string }>(rows: T[]) => [
              ...new Map(rows.map((r) => [`${r.offset}:${r.key}`, r])).values(),
            ];
            const users = dedupe(a.users).map((r) => ({
              day: addDays(DAY, -r.offset),
              user_key: r.key,
              events: r.events,
            }));
            const features = dedupe(a.features).map((r) => ({
              day: addDays(DAY, -r.offset),
              feature: `f-${r.key}`,
              events: r.events,
            }));
            for (const u of users)
              await db
                .insertInto('usage_daily_account_user')
                .values({ workspace_id: ws, account_id: id, ...u })
                .execute();
            for (const f of features)
              await db
                .insertInto('usage_daily_account_feature')
                .values({ workspace_id: ws, account_id: id, ...f })
                .execute();
            if (a.seats !== null)
              await db
                .insertInto('usage_account_seats')
                .values({ workspace_id: ws, account_id: id, seats: a.seats, updated_at: 'x' })
                .execute();
            const inWindow = (d: string) => d >= addDays(DAY, -29) && d <= DAY;
            if (
              users.some((u) => inWindow(u.day) && u.events > 0) ||
              features.some((f) => inWindow(f.day) && f.events > 0)
            )
              expected.set(id, adoptionNumbers(DAY, features, users, a.seats));
          }
          const got = await portfolio(
            t.ctx.db,
            { workspaceId: ws, partnerId: null },
            { day: DAY, sort: 'mau', order: 'desc', limit: 100, offset: 0 },
          );
          // Only accounts with usage in the window: earlier rounds' accounts (rollups gone) and this round's idle ones stay out.
          expect(got.total).toBe(expected.size);
          for (const [id, numbers] of expected) {
            const item = got.items.find((x) => x.accountId === id);
            expect(item, id).toBeDefined();
            const { accountId: _a, accountName: _n, ...rest } = item!;
            expect(rest).toEqual(numbers);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
