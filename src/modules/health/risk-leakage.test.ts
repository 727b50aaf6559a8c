import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildAccountAttributes,
  buildSubscription,
  buildSurvey,
  buildTouch,
  buildWorkspace,
} from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { seededRandom } from './risk/random.ts';
import { loadHistory, runBacktest } from './risk.service.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const IMPORTED_ON = '2026-11-20';
const CHURNED_ON = '2025-06-30';

/**
 * A history whose outcome nothing foretells: churned and retained accounts drawn alike (region, ARR, NPS),
 * except for what the churn itself caused — the subscription ended on the churn day, a farewell call after it.
 * Read on the import day, those records would tell the outcome perfectly.
 */
async function historyWithOnlyAftermath(): Promise<{ workspaceId: string; churned: Map<string, number> }> {
  const ws = (await buildWorkspace(t.db)).id;
  const next = seededRandom(7);
  const churned = new Map<string, number>();
  for (let i = 0; i < 160; i++) {
    const outcome = i % 2;
    const account = await buildAccount(t.db, ws, { name: `Account ${String(i).padStart(3, '0')}` });
    const arr = 10_000 + Math.floor(next() * 40) * 1_000;
    await buildAccountAttributes(t.db, ws, account.id, {
      attributes: { region: ['emea', 'amer', 'apac'][Math.floor(next() * 3)]! },
      outcome,
      outcome_recorded_on: IMPORTED_ON,
    });
    await buildSubscription(t.db, ws, {
      account_id: account.id,
      start_date: '2023-01-01',
      end_date: outcome === 1 ? CHURNED_ON : null,
      arr_cents: arr * 100,
    });
    await buildSurvey(t.db, ws, account.id, {
      score: Math.floor(next() * 11),
      responded_at: `2024-0${1 + Math.floor(next() * 9)}-15T10:00:00.000Z`,
    });
    if (outcome === 1) {
      churned.set(account.id, arr);
      await buildTouch(t.db, ws, account.id, { occurred_at: '2025-07-15T10:00:00.000Z', subject: 'Offboarding call' });
    }
  }
  return { workspaceId: ws, churned };
}

describe('the churn-risk model’s leakage guard (both databases)', () => {
  it('reads a churned account before its churn: its ARR then, no farewell call, and no signal where none was', async () => {
    const { workspaceId, churned } = await historyWithOnlyAftermath();

    const history = await loadHistory(t.db, workspaceId, IMPORTED_ON);
    const read = history.labelled.filter((l) => churned.has(l.accountId));
    expect(read).toHaveLength(80);
    for (const l of read) {
      expect(l.row.arr).toBe(churned.get(l.accountId));
      expect(l.row.days_since_last_touch).toBeUndefined();
    }
    expect(history.attributes).toEqual(expect.arrayContaining(['region', 'arr', 'arr_change_90d', 'nps_latest']));

    const backtest = await runBacktest(t.db, workspaceId, { folds: 5, today: IMPORTED_ON });
    expect(backtest.result.n).toBe(160);
    expect(backtest.result.auc).toBeLessThan(0.7);
  });
});
