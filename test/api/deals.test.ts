import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealRecord } from '../../src/modules/deals/deal.ts';
import { dealFactory, loadDeals } from '../helpers/deals.ts';
import { nextSeq } from '../helpers/fixtures/sequence.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

const deal = dealFactory({ accountName: 'Northwind Freight', owner: 'Ana Ruiz' });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/**
 * A workspace of the test's own (the deal guard is a workspace setting one test changes), with an admin, a
 * salesperson and the account the deals name.
 */
async function workspace(): Promise<{
  admin: Client;
  sales: Client;
  load(records: DealRecord[]): ReturnType<typeof loadDeals>;
}> {
  const ws = await t.workspace(`deals-${nextSeq()}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const sales = await t.login((await t.user(ws, 'sales')).email);
  const account = await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Northwind Freight', segment: 'mid_market' },
  });
  expect(account.statusCode).toBe(201);
  return { admin, sales, load: (records) => loadDeals(t, ws, records) };
}

const find = async (client: Client, externalId: string) =>
  (await client.request({ method: 'GET', url: `/api/v1/deals?q=${externalId}` })).json().items[0];

const confirm = (client: Client, id: string) =>
  client.request({ method: 'PUT', url: `/api/v1/deals/${id}/finance-confirmation`, payload: { confirmed: true } });

describe('deals and the closed-won guard', () => {
  it('keeps a won, signed deal waiting for finance, with what is missing', async () => {
    const { sales, load } = await workspace();
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
    const { admin, sales, load } = await workspace();
    await load([deal('OPP-1')]);
    const one = await find(admin, 'OPP-1');
    expect(one.journeyState).toBe('pending_confirmation');
    expect((await confirm(sales, one.id)).statusCode).toBe(403);
    const res = await confirm(admin, one.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ journeyState: 'confirmed', missing: [] });
    expect(res.json().confirmedAt).toBeTruthy();
  });

  it('changes nothing when the same rows come again, and pulls back a confirmed deal reopened in the CRM', async () => {
    const { admin, load } = await workspace();
    const rows = [deal('OPP-1'), deal('OPP-2', { stage: 'Prospecting', stageCategory: 'open' })];
    await load(rows);
    expect((await confirm(admin, (await find(admin, 'OPP-1')).id)).statusCode).toBe(200);
    expect(await load(rows)).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await load([deal('OPP-1', { stage: 'Negotiation', stageCategory: 'open' })])).toMatchObject({ updated: 1 });
    const one = await find(admin, 'OPP-1');
    expect(one.journeyState).toBe('reopened');
    expect(one.reopenedAt).toBeTruthy();
  });

  it('reports a duplicate external id within a batch instead of writing it twice', async () => {
    const { load } = await workspace();
    const outcome = await load([deal('OPP-9'), deal('OPP-9', { amount: 1 })]);
    expect(outcome.created).toBe(1);
    expect(outcome.errors).toEqual([
      { row: 2, field: 'external_id', reason: expect.stringContaining('appears twice') },
    ]);
  });

  it('lets an admin relax the guard, which confirms the deals that were only waiting for it', async () => {
    const { admin, load } = await workspace();
    await load([deal('OPP-9'), deal('OPP-3', { signedDate: null })]);
    expect((await find(admin, 'OPP-9')).journeyState).toBe('pending_confirmation');
    const res = await admin.request({
      method: 'PUT',
      url: '/api/v1/settings/deal-guard',
      payload: { signed: true, financeConfirmed: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await find(admin, 'OPP-9')).journeyState).toBe('confirmed');
    expect(await find(admin, 'OPP-3')).toMatchObject({ journeyState: 'pending_confirmation', missing: ['signed'] });
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/settings/deal-guard', payload: { signed: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('body.signed');
  });

  it('refuses an unknown state filter, naming it', async () => {
    const { admin } = await workspace();
    const res = await admin.request({ method: 'GET', url: '/api/v1/deals?state=confirmed,bogus' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('bogus');
  });
});
