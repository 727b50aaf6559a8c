import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeal, buildWorkspace } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { selectWonDealTerms, termsColumns, termsOfRow, termsPatchColumns } from './terms.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('contract terms store (both databases)', () => {
  it("reads a workspace's won deals in id order, bounded by the signed date, else the close date", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const signedEarly = await buildDeal(t.db, ws, { signed_date: '2026-09-30', close_date: '2026-10-05' });
    const unsignedInside = await buildDeal(t.db, ws, { signed_date: null, close_date: '2026-10-10' });
    const signedInside = await buildDeal(t.db, ws, {
      signed_date: '2026-10-31',
      close_date: '2026-11-02',
      pricing_model: 'subscription',
      non_standard_clauses: '["mfn"]',
      discount_pct: 12.5,
    });
    await buildDeal(t.db, ws, { stage_category: 'open', signed_date: '2026-10-10' });
    await buildDeal(t.db, (await buildWorkspace(t.db)).id, { signed_date: '2026-10-10' });

    const all = await selectWonDealTerms(t.db, ws, {});
    expect(all.map((r) => r.id)).toEqual([signedEarly.id, unsignedInside.id, signedInside.id]);
    const october = await selectWonDealTerms(t.db, ws, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.map((r) => r.id)).toEqual([unsignedInside.id, signedInside.id]);
    expect(termsOfRow(october[1]!)).toEqual({
      pricingModel: 'subscription',
      billingTerms: null,
      discountPct: 12.5,
      nonStandardClauses: ['mfn'],
      servicesSold: null,
    });
    expect((await selectWonDealTerms(t.db, ws, { to: '2026-09-30' })).map((r) => r.id)).toEqual([signedEarly.id]);
  });

  it('merges terms as an import writes them: a blank term keeps the recorded one, a patch writes only what it names', () => {
    const existing = {
      pricing_model: 'subscription',
      billing_terms: 'annual',
      discount_pct: 10,
      non_standard_clauses: '["sla"]',
      services_sold: 5000,
    };
    const incoming = {
      pricingModel: 'usage',
      billingTerms: null,
      discountPct: null,
      nonStandardClauses: [],
      servicesSold: 0,
    };
    expect(termsColumns(incoming, existing)).toEqual({ ...existing, pricing_model: 'usage', services_sold: 0 });
    expect(termsColumns(undefined, undefined)).toEqual({
      pricing_model: null,
      billing_terms: null,
      discount_pct: null,
      non_standard_clauses: null,
      services_sold: null,
    });
    expect(termsPatchColumns({ discountPct: null, nonStandardClauses: [] })).toEqual({
      discount_pct: null,
      non_standard_clauses: '[]',
    });
  });
});
