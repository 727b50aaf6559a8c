import { describe, expect, it } from 'vitest';
import { mapperFor } from '../import/index.ts';
import { DEAL_FIELDS } from '../import/formats.ts';

/** Contract terms as documented deal-import fields: mapped by name, normalised, bad values named per row. */
const mapping = {
  Id: 'external_id',
  Name: 'name',
  Stage: 'stage',
  Currency: 'currency',
  Pricing: 'pricing_model',
  Billing: 'billing_terms',
  Discount: 'discount',
  Clauses: 'non_standard_terms',
  Services: 'services_amount',
};

const row = (over: Record<string, string>) => ({
  Id: 'D-1',
  Name: 'Acme renewal',
  Stage: 'Closed Won',
  Currency: 'EUR',
  Pricing: '',
  Billing: '',
  Discount: '',
  Clauses: '',
  Services: '',
  ...over,
});

describe('contract terms in the deal import', () => {
  const map = mapperFor('mapped', { mapping });

  it('documents the five terms fields', () => {
    const names = DEAL_FIELDS.map((f) => f.name);
    expect(names.slice(names.indexOf('partner') + 1, names.indexOf('is_won'))).toEqual([
      'pricing_model',
      'billing_terms',
      'discount',
      'non_standard_terms',
      'services_amount',
    ]);
  });

  it('reads and normalises every term', () => {
    const result = map(
      row({
        Pricing: 'Per User',
        Billing: 'Annually in advance, Net30',
        Discount: '17.5%',
        Clauses: 'MFN; Custom SLA;mfn',
        Services: '€24,500.00',
      }),
      1,
    );
    expect(result).toMatchObject({
      ok: true,
      record: {
        terms: {
          pricingModel: 'per_seat',
          billingTerms: 'annual upfront, net 30',
          discountPct: 17.5,
          nonStandardClauses: ['mfn', 'custom_sla'],
          servicesSold: 24500,
        },
      },
    });
  });

  it('leaves terms out of a record whose row carries none (so it hashes as before)', () => {
    const result = map(row({}), 1);
    expect(result.ok && 'terms' in result.record).toBe(false);
  });

  it('names the field and the column of a bad discount or services amount, and reads nothing of the row', () => {
    const result = map(row({ Discount: '0.2', Services: 'USD 1000' }), 7);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 7, field: 'discount', reason: expect.stringContaining('column "Discount": ambiguous discount "0.2"') },
        { row: 7, field: 'services_amount', reason: 'written in USD, but the deal is in EUR' },
      ],
    });
  });

  it('reads terms through a named column on a CRM format (no standard column exists for them)', () => {
    const sf = mapperFor('salesforce', { columns: { discount: 'Discount__c', pricing_model: 'Pricing_Model__c' } });
    const result = sf(
      {
        Id: '006A',
        Name: 'Globex',
        StageName: 'Closed Won',
        IsWon: 'true',
        IsClosed: 'true',
        Discount__c: '10',
        Pricing_Model__c: 'Seat-based',
      },
      1,
    );
    expect(result).toMatchObject({
      ok: true,
      record: { terms: { pricingModel: 'per_seat', discountPct: 10, billingTerms: null } },
    });
  });
});
