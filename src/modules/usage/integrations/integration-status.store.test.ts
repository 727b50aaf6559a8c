import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace, FIXTURE_NOW } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  addDayCounts,
  countWaitingReports,
  insertNewReports,
  matchWaitingReports,
  type ReportRow,
  selectDays,
  selectLatest,
  selectWaitingAccountRefs,
  upsertLatest,
} from './integration-status.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('integration status store (both databases)', () => {
  it('adds daily counts per account, integration and day, and reads them by accounts and days', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    const count = (accountId: string, day: string, ok: number, errors: number) => ({
      accountId,
      integration: 'salesforce',
      day,
      ok,
      errors,
    });
    await addDayCounts(t.db, ws, [
      count(a, '2026-11-01', 3, 1),
      count(b, '2026-11-01', 1, 0),
      count(a, '2026-11-05', 0, 2),
    ]);
    await addDayCounts(t.db, ws, [count(a, '2026-11-01', 2, 2)]);
    expect(await selectDays(t.db, ws, [a], '2026-11-01', '2026-11-01')).toEqual([count(a, '2026-11-01', 5, 3)]);
    expect(await selectDays(t.db, ws, null, '2026-11-02', '2026-11-30')).toEqual([count(a, '2026-11-05', 0, 2)]);
    expect(await selectDays(t.db, ws, null, '2026-11-01', '2026-11-30')).toHaveLength(3);
    expect(await selectDays(t.db, ws, [], '2026-11-01', '2026-11-30')).toEqual([]);
    expect(await selectDays(t.db, (await buildWorkspace(t.db)).id, null, '2026-11-01', '2026-11-30')).toEqual([]);
  });

  it('keeps one latest state per account and integration, replaced whole, in account then integration order', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    const state = (accountId: string, integration: string, lastStatus: 'ok' | 'error') => ({
      accountId,
      integration,
      firstReportedAt: '2026-11-01T00:00:00.000Z',
      lastReportedAt: FIXTURE_NOW,
      lastStatus,
      lastSuccessAt: lastStatus === 'ok' ? FIXTURE_NOW : null,
      lastErrorAt: lastStatus === 'error' ? FIXTURE_NOW : null,
      lastErrorDetail: lastStatus === 'error' ? 'token expired' : null,
    });
    await upsertLatest(
      t.db,
      ws,
      [state(b, 'slack', 'ok'), state(a, 'zendesk', 'ok'), state(a, 'slack', 'ok')],
      FIXTURE_NOW,
    );
    await upsertLatest(t.db, ws, [state(a, 'slack', 'error')], '2026-11-21T00:00:00.000Z');
    const all = await selectLatest(t.db, ws, null);
    const first = a < b ? [state(a, 'slack', 'error'), state(a, 'zendesk', 'ok')] : [state(b, 'slack', 'ok')];
    expect(all.slice(0, first.length)).toEqual(first);
    expect(all).toHaveLength(3);
    expect(await selectLatest(t.db, ws, [b])).toEqual([state(b, 'slack', 'ok')]);
    expect(await selectLatest(t.db, ws, [])).toEqual([]);
  });

  it('stores a report once by key, keeps reports of unknown accounts aside, and matches them when the account appears', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const report = (
      workspace_id: string,
      report_key: string,
      account_ref: string,
      account_id: string | null,
    ): ReportRow => ({
      workspace_id,
      report_key,
      source: 'fivetran',
      report_id: null,
      account_ref,
      account_id,
      integration: 'salesforce',
      status: 'ok',
      detail: null,
      occurred_at: FIXTURE_NOW,
      received_at: FIXTURE_NOW,
    });
    const known = (await buildAccount(t.db, ws)).id;
    expect(
      await insertNewReports(t.db, [
        report(ws, 'k1', 'northwind.example', null),
        report(ws, 'k2', 'northwind.example', null),
        report(ws, 'k3', 'globex.example', null),
        report(ws, 'k4', known, known),
      ]),
    ).toEqual(new Set(['k1', 'k2', 'k3', 'k4']));
    expect(await insertNewReports(t.db, [report(ws, 'k1', 'x', null), report(ws, 'k5', 'x', known)])).toEqual(
      new Set(['k5']),
    );
    await insertNewReports(t.db, [report(other, 'k1', 'northwind.example', null)]);

    expect((await selectWaitingAccountRefs(t.db, ws)).sort()).toEqual(['globex.example', 'northwind.example']);
    expect(await countWaitingReports(t.db, ws)).toBe(3);
    const northwind = (await buildAccount(t.db, ws)).id;
    const matched = await matchWaitingReports(t.db, ws, 'northwind.example', northwind);
    expect(matched.map((r) => [r.report_key, r.account_id]).sort()).toEqual([
      ['k1', northwind],
      ['k2', northwind],
    ]);
    expect(await matchWaitingReports(t.db, ws, 'northwind.example', northwind), 'once only').toEqual([]);
    expect(await countWaitingReports(t.db, ws)).toBe(1);
    expect(await countWaitingReports(t.db, other)).toBe(1);
  });
});
