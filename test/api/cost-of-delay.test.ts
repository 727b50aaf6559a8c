import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import { buildAccount, buildSubscription } from '../helpers/fixtures/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock: ARR is read on its day. */
const NOW = new Date('2026-03-15T12:00:00.000Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

describe('cost of delay beside time-to-value signals', () => {
  it('gives ARR / 52 a week times the weeks slipped, to those who read revenue only', async () => {
    const ws = await t.workspace('cod');
    const csm = await t.login((await t.user(ws, 'csm')).email);
    const support = await t.login((await t.user(ws, 'support')).email);
    const paying = await buildAccount(t.ctx.db, ws, { name: 'Paying' });
    const unknown = await buildAccount(t.ctx.db, ws, { name: 'No subscription' });
    await buildSubscription(t.ctx.db, ws, { account_id: paying.id, arr_cents: 10_400_000, currency: 'USD' });
    const late = (accountId: string, subjectId: string) =>
      raiseSignal(t.ctx.db, {
        workspaceId: ws,
        kind: 'ttv.forecast_late',
        accountId,
        severity: 'warning',
        subjectType: 'project',
        subjectId,
        title: 'Forecast late',
        evidence: { promisedGoLive: '2026-03-01', forecastGoLive: '2026-03-22', daysLate: 21 },
      });
    await late(paying.id, 'p1');
    await late(unknown.id, 'p2');
    await raiseSignal(t.ctx.db, {
      workspaceId: ws,
      kind: 'renewal.contraction',
      accountId: paying.id,
      severity: 'warning',
      subjectType: 'account',
      subjectId: paying.id,
      title: 'Contraction',
      evidence: {},
    });
    const items = (await csm.request({ method: 'GET', url: '/api/v1/signals?limit=50' })).json().items as Array<{
      accountId: string;
      kind: string;
      costOfDelay?: unknown;
    }>;
    const of = (accountId: string, kind: string) => items.find((i) => i.accountId === accountId && i.kind === kind)!;
    expect(of(paying.id, 'ttv.forecast_late').costOfDelay).toEqual({
      amount: 6000,
      weekly: 2000,
      days: 21,
      currency: 'USD',
      sentence: 'Each week of delay costs about USD 2,000 (ARR USD 104,000 / 52); 21 days slipped so far: USD 6,000.',
    });
    expect(of(unknown.id, 'ttv.forecast_late').costOfDelay).toBeNull();
    expect(of(paying.id, 'renewal.contraction')).not.toHaveProperty('costOfDelay');
    const hidden = (await support.request({ method: 'GET', url: '/api/v1/signals?limit=50' })).json().items;
    expect(hidden.some((i: { costOfDelay?: unknown }) => 'costOfDelay' in i)).toBe(false);
  });
});
