import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/modules/deals/deal.ts';
import { dealFactory, loadDeals } from '../helpers/deals.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ws: string;
let admin: Client;
let sales: Client;

const deal = dealFactory({ accountName: 'Northwind Freight', owner: 'Ana Ruiz' });
const load = (records: DealRecord[]) => loadDeals(t, ws, records);

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('acme');
  admin = await t.login((await t.user(ws, 'admin')).email);
  sales = await t.login((await t.user(ws, 'sales')).email);
  await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Northwind Freight', segment: 'mid_market' },
  });
});
afterAll(async () => t?.close());

describe('deals and the closed-won guard', () => {
  it('keeps a won, signed deal waiting for finance, with what is missing', async () => {
    const outcome = await load([
      deal('OPP-1'),
      deal('OPP-2', { stage: 'Prospecting', stageCategory: 'open' }),
      deal('OPP-3', { signedDate: null }),
    ]);
    expect(outcome).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [] });
    const list = (await sales.request({ method: 'GET', url: '/api/v1/deals?state=pending_confirmation' })).json();
    expect(list.items.map((d: { externalId: string }) => d.externalId).sort()).toEqual(['OPP-1', 'OPP-3']);
    const three = list.items.find((d: { externalId: string }) => d.externalId === 'OPP-3');
    expect(three.missing).toEqual(['signed', 'finance_confirmed']);
    expect(list.counts).toEqual({ pending_confirmation: 2, open: 1 });
    expect(three.accountId).not.toBeNull();
  });

  it('lets finance confirm; the deal then enters the journey, and sales may not confirm', async () => {
    const one = (await admin.request({ method: 'GET', url: '/api/v1/deals?q=OPP-1' })).json().items[0];
    const denied = await sales.request({
      method: 'PUT',
      url: `/api/v1/deals/${one.id}/finance-confirmation`,
      payload: { confirmed: true },
    });
    expect(denied.statusCode).toBe(403);
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${one.id}/finance-confirmation`,
      payload: { confirmed: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ journeyState: 'confirmed', missing: [] });
    expect(res.json().confirmedAt).toBeTruthy();
  });

  it('changes nothing when the same rows come again, and pulls back a confirmed deal reopened in the CRM', async () => {
    expect(await load([deal('OPP-1'), deal('OPP-2', { stage: 'Prospecting', stageCategory: 'open' })])).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: [],
    });
    expect(await load([deal('OPP-1', { stage: 'Negotiation', stageCategory: 'open' })])).toMatchObject({ updated: 1 });
    const one = (await admin.request({ method: 'GET', url: '/api/v1/deals?q=OPP-1' })).json().items[0];
    expect(one.journeyState).toBe('reopened');
    expect(one.reopenedAt).toBeTruthy();
  });

  it('reports a duplicate external id within a batch instead of writing it twice', async () => {
    const outcome = await load([deal('OPP-9'), deal('OPP-9', { amount: 1 })]);
    expect(outcome.created).toBe(1);
    expect(outcome.errors).toEqual([
      { row: 2, field: 'external_id', reason: expect.stringContaining('appears twice') },
    ]);
  });

  it('lets an admin relax the guard, which confirms the deals that were only waiting for it', async () => {
    const res = await admin.request({
      method: 'PUT',
      url: '/api/v1/settings/deal-guard',
      payload: { signed: true, financeConfirmed: false },
    });
    expect(res.statusCode).toBe(200);
    const nine = (await admin.request({ method: 'GET', url: '/api/v1/deals?q=OPP-9' })).json().items[0];
    expect(nine.journeyState).toBe('confirmed');
    const three = (await admin.request({ method: 'GET', url: '/api/v1/deals?q=OPP-3' })).json().items[0];
    expect(three).toMatchObject({ journeyState: 'pending_confirmation', missing: ['signed'] });
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/settings/deal-guard', payload: { signed: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('body.signed');
  });

  it('refuses an unknown state filter, naming it', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/deals?state=confirmed,bogus' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('bogus');
  });
});
