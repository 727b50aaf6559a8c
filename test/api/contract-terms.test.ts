import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDeals } from '../../src/modules/deals/deal-import.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

const mapping = {
  Id: 'external_id',
  Name: 'name',
  Stage: 'stage',
  Won: 'is_won',
  Closed: 'is_closed',
  Account: 'account',
  Owner: 'owner',
  Signed: 'signed_date',
  Close: 'close_date',
  Pricing: 'pricing_model',
  Billing: 'billing_terms',
  Discount: 'discount',
  Clauses: 'non_standard_terms',
  Services: 'services_amount',
};
const HEADER = Object.keys(mapping).join(',');

const importCsv = (workspaceId: string, lines: string[], map: Record<string, string> = mapping) =>
  importDeals(t.ctx.db, {
    workspaceId,
    actor: SYSTEM_ACTOR,
    open: () => Readable.from([Buffer.from(`${[Object.keys(map).join(','), ...lines].join('\n')}\n`)]),
    fileName: 'deals.csv',
    format: 'mapped',
    options: { mapping: map },
  });

const dealByExternalId = async (client: Client, externalId: string) =>
  (await client.request({ method: 'GET', url: `/api/v1/deals?q=${externalId}` })).json().items[0];

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('contract terms on deals', () => {
  let slugs = 0;
  /** A workspace of its own, with its admin, a seller and a viewer. */
  const setUp = async () => {
    const ws = await t.workspace(`terms-${++slugs}`);
    const admin = await t.login((await t.user(ws, 'admin')).email);
    const sales = await t.login((await t.user(ws, 'sales')).email);
    const viewer = await t.login((await t.user(ws, 'viewer')).email);
    return { ws, admin, sales, viewer };
  };
  const T1 = (discount: string) =>
    `T-1,Acme T-1,Closed Won,true,true,Acme,Ana,2026-01-15,2026-01-10,Per User,"Annually in advance, Net30",${discount},MFN; Custom SLA,"$18,000"`;
  /** Deal T-1 imported with its terms (a 12.5 % discount). */
  const dealWithTerms = async ({ ws }: { ws: string }) =>
    expect(await importCsv(ws, [T1('12.5%')])).toMatchObject({ created: 1, rejected: 0 });

  it('imports terms as documented fields, normalised, and shows them on the deal', async () => {
    const { ws, admin } = await setUp();
    const report = await importCsv(ws, [
      'T-1,Acme T-1,Closed Won,true,true,Acme,Ana,2026-01-15,2026-01-10,Per User,"Annually in advance, Net30",12.5%,MFN; Custom SLA,"$18,000"',
    ]);
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    const d = await dealByExternalId(admin, 'T-1');
    expect(d.terms).toEqual({
      pricingModel: 'per_seat',
      billingTerms: 'annual upfront, net 30',
      discountPct: 12.5,
      nonStandardClauses: ['mfn', 'custom_sla'],
      servicesSold: 18000,
    });
  });

  it('changes nothing when the same terms come again, and updates the deal when a term changes', async () => {
    const w = await setUp();
    const { ws, admin } = w;
    await dealWithTerms(w);
    expect(await importCsv(ws, [T1('12.5%')])).toMatchObject({ unchanged: 1, updated: 0 });
    expect(await importCsv(ws, [T1('15')])).toMatchObject({ unchanged: 0, updated: 1 });
    expect((await dealByExternalId(admin, 'T-1')).terms.discountPct).toBe(15);
  });

  it('rejects a row with an ambiguous discount, naming the field, and keeps the other rows', async () => {
    const { ws } = await setUp();
    const report = await importCsv(ws, [
      'T-2,Acme T-2,Closed Won,true,true,Acme,Ana,2026-02-01,,Flat,,0.3,,',
      'T-3,Acme T-3,Closed Won,true,true,Acme,Ana,2026-02-02,,Flat,,30,,',
    ]);
    expect(report).toMatchObject({ created: 1, rejected: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 1, field: 'discount' })]);
  });

  it('records terms by hand, normalised and audited; a file without terms columns leaves them alone', async () => {
    const { ws, admin, sales } = await setUp();
    const plain = { Id: 'external_id', Name: 'name', Stage: 'stage', Won: 'is_won', Closed: 'is_closed' };
    expect(await importCsv(ws, ['P-1,Plain P-1,Negotiation,false,false'], plain)).toMatchObject({ created: 1 });
    const d = await dealByExternalId(admin, 'P-1');
    expect(d.terms).toEqual({
      pricingModel: null,
      billingTerms: null,
      discountPct: null,
      nonStandardClauses: [],
      servicesSold: null,
    });
    const res = await sales.request({
      method: 'PATCH',
      url: `/api/v1/deals/${d.id}/terms`,
      payload: {
        pricingModel: 'Consumption',
        billingTerms: 'quarterly in arrears',
        discountPct: 22,
        nonStandardClauses: ['Termination for convenience', 'tfc'],
        servicesSold: 12000,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().terms).toEqual({
      pricingModel: 'usage',
      billingTerms: 'quarterly in arrears',
      discountPct: 22,
      nonStandardClauses: ['termination_for_convenience'],
      servicesSold: 12000,
    });
    expect(res.json().updatedAt > d.updatedAt).toBe(true);
    const audit = (
      await admin.request({ method: 'GET', url: `/api/v1/audit-log?entityType=deal&entityId=${d.id}` })
    ).json();
    expect(audit.items[0]).toMatchObject({
      action: 'deal.terms',
      before: { terms: { pricingModel: null } },
      after: { terms: { pricingModel: 'usage', discountPct: 22 } },
    });

    expect(await importCsv(ws, ['P-1,Plain P-1,Negotiation,false,false'], plain)).toMatchObject({ unchanged: 1 });
    expect(await importCsv(ws, ['P-1,Plain P-1,Closed Won,true,true'], plain)).toMatchObject({ updated: 1 });
    const after = await dealByExternalId(admin, 'P-1');
    expect(after).toMatchObject({
      stageCategory: 'won',
      terms: { pricingModel: 'usage', discountPct: 22, nonStandardClauses: ['termination_for_convenience'] },
    });

    const cleared = await sales.request({
      method: 'PATCH',
      url: `/api/v1/deals/${d.id}/terms`,
      payload: { discountPct: null, nonStandardClauses: [] },
    });
    expect(cleared.json().terms).toMatchObject({ pricingModel: 'usage', discountPct: null, nonStandardClauses: [] });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ discountPct: 120 }, 'body.discountPct'],
    [{ discountPct: '10%' }, 'body.discountPct'],
    [{ servicesSold: -1 }, 'body.servicesSold'],
    [{ nonStandardClauses: 'mfn' }, 'body.nonStandardClauses'],
    [{}, 'body'],
  ])('refuses %j naming the field, and writes nothing', async (payload, field) => {
    const w = await setUp();
    const { admin, sales } = w;
    await dealWithTerms(w);
    const d = await dealByExternalId(admin, 'T-1');
    const res = await sales.request({ method: 'PATCH', url: `/api/v1/deals/${d.id}/terms`, payload });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toContain(field);
    expect((await dealByExternalId(admin, 'T-1')).terms).toEqual(d.terms);
  });

  it('lets only deal writers record terms, and only in their workspace', async () => {
    const w = await setUp();
    const { admin, viewer } = w;
    await dealWithTerms(w);
    const d = await dealByExternalId(admin, 'T-1');
    expect(
      (await viewer.request({ method: 'PATCH', url: `/api/v1/deals/${d.id}/terms`, payload: { discountPct: 1 } }))
        .statusCode,
    ).toBe(403);
    const other = await t.workspace('terms-other');
    const stranger = await t.login((await t.user(other, 'admin')).email);
    expect(
      (await stranger.request({ method: 'PATCH', url: `/api/v1/deals/${d.id}/terms`, payload: { discountPct: 1 } }))
        .statusCode,
    ).toBe(404);
  });
});

describe('the contract-terms report', () => {
  let ws: string;
  let lead: Client;

  beforeAll(async () => {
    ws = await t.workspace('terms-report');
    lead = await t.login((await t.user(ws, 'leader')).email);
    const account = (
      await lead.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Acme', segment: 'smb' } })
    ).json().id;
    const report = await importCsv(ws, [
      'R-1,Deal R-1,Closed Won,true,true,Acme,Ana,2026-01-15,2026-01-10,Per seat,"Annual upfront, net 30",10,,5000',
      'R-2,Deal R-2,Closed Won,true,true,Acme,Ana,,2026-02-20,per user,"annually in advance, net 30",8%,,',
      'R-3,Deal R-3,Closed Won,true,true,Acme,Ben,2026-04-03,,Usage,Monthly,0,MFN,',
      'R-4,Deal R-4,Closed Won,true,true,Acme,Ben,2026-05-05,,Per seat,"Annual upfront, net 30",25,,',
      'R-5,Deal R-5,Closed Won,true,true,Acme,Ben,2026-06-30,,,,,,',
      'R-6,Deal R-6,Closed Lost,false,true,Acme,Ana,,2026-02-01,Flat,,50,MFN,',
      'R-7,Deal R-7,Negotiation,false,false,Acme,Cy,,2026-03-01,Flat,,40,,',
      'R-8,Deal R-8,Closed Won,true,true,Acme,Ana,2026-07-02,,Tiered,Quarterly,35,Custom SLA; escrow,',
    ]);
    expect(report).toMatchObject({ created: 8, rejected: 0 });
    const promise = async (externalId: string, status: string | null, dueDate: string | null) => {
      const dealId = (await dealByExternalId(lead, externalId)).id;
      const c = await lead.request({
        method: 'POST',
        url: '/api/v1/commitments',
        payload: {
          accountId: account,
          dealId,
          what: `for ${externalId}`,
          toName: 'Buyer',
          words: 'coming soon',
          dueDate,
        },
      });
      expect(c.statusCode, c.body).toBe(201);
      if (status)
        await lead.request({ method: 'PUT', url: `/api/v1/commitments/${c.json().id}/status`, payload: { status } });
    };
    await promise('R-2', null, '2026-09-01'); // not reviewed: unscoped
    await promise('R-4', 'committed', '2026-09-01'); // reviewed, dated: scoped
    await promise('R-5', null, null); // unscoped
    await promise('R-6', null, null); // unscoped, but the deal was lost
    await promise('R-8', 'planned', null); // open with no due date: unscoped
  });

  const get = async (qs = '') => {
    const res = await lead.request({ method: 'GET', url: `/api/v1/reports/contract-terms${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('counts won deals, pricing structures, non-standard deals and unscoped commitments', async () => {
    const r = await get();
    expect(r.discountThreshold).toBe(20);
    expect(r.totals).toEqual({
      deals: 6,
      withTerms: 5,
      structures: 4,
      nonStandard: 3,
      nonStandardShare: 0.6,
      withUnscopedCommitments: 3,
      unscopedShare: 0.5,
    });
    expect(r.structures).toEqual([
      { structure: 'per_seat · annual upfront, net 30 · up to 10%', deals: 2 },
      { structure: 'per_seat · annual upfront, net 30 · 20–30%', deals: 1 },
      { structure: 'tiered · quarterly · over 30%', deals: 1 },
      { structure: 'usage · monthly · no discount', deals: 1 },
    ]);
    expect(r.clauses).toEqual([
      { clause: 'custom_sla', deals: 1 },
      { clause: 'mfn', deals: 1 },
      { clause: 'source_code_escrow', deals: 1 },
    ]);
  });

  it('breaks down by quarter and by account executive', async () => {
    const r = await get();
    expect(r.byQuarter).toEqual([
      {
        quarter: '2026-Q1',
        deals: 2,
        withTerms: 2,
        structures: 1,
        nonStandard: 0,
        nonStandardShare: 0,
        withUnscopedCommitments: 1,
        unscopedShare: 0.5,
      },
      {
        quarter: '2026-Q2',
        deals: 3,
        withTerms: 2,
        structures: 2,
        nonStandard: 2,
        nonStandardShare: 1,
        withUnscopedCommitments: 1,
        unscopedShare: 0.3333,
      },
      {
        quarter: '2026-Q3',
        deals: 1,
        withTerms: 1,
        structures: 1,
        nonStandard: 1,
        nonStandardShare: 1,
        withUnscopedCommitments: 1,
        unscopedShare: 1,
      },
    ]);
    expect(r.byOwner).toEqual([
      {
        owner: 'Ana',
        deals: 3,
        withTerms: 3,
        structures: 2,
        nonStandard: 1,
        nonStandardShare: 0.3333,
        withUnscopedCommitments: 2,
        unscopedShare: 0.6667,
      },
      {
        owner: 'Ben',
        deals: 3,
        withTerms: 2,
        structures: 2,
        nonStandard: 2,
        nonStandardShare: 1,
        withUnscopedCommitments: 1,
        unscopedShare: 0.3333,
      },
    ]);
  });

  it('limits the period by signed date, else close date, and follows the discount threshold', async () => {
    const q2 = await get('?from=2026-04-01&to=2026-06-30');
    expect(q2).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
      totals: { deals: 3, withTerms: 2, nonStandard: 2, withUnscopedCommitments: 1 },
    });
    expect((await get('?to=2026-02-20')).totals.deals).toBe(2);
    expect((await get('?discountThreshold=30')).totals.nonStandard).toBe(2);
  });

  it.each([
    ['?from=2026-07-01&to=2026-01-01', 'querystring.to'],
    ['?from=2026-13-01', 'querystring.from'],
    ['?discountThreshold=150', 'querystring.discountThreshold'],
  ])('refuses %s naming the parameter', async (qs, field) => {
    const res = await lead.request({ method: 'GET', url: `/api/v1/reports/contract-terms${qs}` });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toContain(field);
  });

  it('is for roles that read deals', async () => {
    const partnerId = await t.partner(ws, 'Partner firm');
    const partner = await t.login((await t.user(ws, 'partner', { partnerId })).email);
    expect((await partner.request({ method: 'GET', url: '/api/v1/reports/contract-terms' })).statusCode).toBe(403);
    const support = await t.login((await t.user(ws, 'support')).email);
    expect((await support.request({ method: 'GET', url: '/api/v1/reports/contract-terms' })).statusCode).toBe(200);
  });
});
