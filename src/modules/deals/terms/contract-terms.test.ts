import { describe, expect, it } from 'vitest';
import {
  type ContractTerms,
  discountBand,
  NO_TERMS,
  nonStandardReasons,
  normalizeBillingTerms,
  normalizeClauses,
  normalizePricingModel,
  parseDiscount,
  pricingStructure,
  termsRecorded,
} from './contract-terms.ts';

const terms = (over: Partial<ContractTerms>): ContractTerms => ({ ...NO_TERMS, ...over });

describe('normalizePricingModel', () => {
  it.each([
    ['Per Seat', 'per_seat'],
    ['per-user', 'per_seat'],
    ['Named users', 'per_seat'],
    ['per_seat', 'per_seat'],
    ['Consumption', 'usage'],
    ['Pay-as-you-go', 'usage'],
    ['Flat Fee', 'flat'],
    ['fixed price', 'flat'],
    ['Volume tiers', 'tiered'],
    ['Platform + Usage', 'hybrid'],
    ['OTHER', 'other'],
    ['  Outcome   Based ', 'outcome based'],
  ])('%j → %j', (raw, model) => {
    expect(normalizePricingModel(raw)).toBe(model);
  });

  it('gives null for blank and missing', () => {
    expect(normalizePricingModel('  ')).toBeNull();
    expect(normalizePricingModel(null)).toBeNull();
  });
});

describe('normalizeBillingTerms', () => {
  it.each([
    ['Annual upfront, Net 30', 'annual upfront, net 30'],
    ['Annually in advance; NET30', 'annual upfront, net 30'],
    ['yearly', 'annual'],
    ['Quarterly in arrears', 'quarterly in arrears'],
    ['Monthly, n45', 'monthly, net 45'],
    ['Semi-annual prepaid', 'semi-annual upfront'],
    ['3-year prepaid', 'multi-year upfront'],
    ['Net 60', 'net 60'],
    ['Paid in full at signature', 'one-time'],
    ['On milestone acceptance', 'on milestone acceptance'],
  ])('%j → %j', (raw, normalised) => {
    expect(normalizeBillingTerms(raw)).toBe(normalised);
  });

  it('gives null for blank', () => {
    expect(normalizeBillingTerms('')).toBeNull();
  });
});

describe('normalizeClauses', () => {
  it('maps known spellings to their tags, keeps others as snake_case tags, each once', () => {
    expect(
      normalizeClauses([
        'Custom SLA',
        'MFN',
        'most favoured nation',
        'Termination for convenience',
        'Escrow',
        ' ',
        'Data residency (EU)',
      ]),
    ).toEqual(['custom_sla', 'mfn', 'termination_for_convenience', 'source_code_escrow', 'data_residency_eu']);
    expect(normalizeClauses(['unlimited liability', 'Net 90 payment terms', 'custom_integration', 'NET 90'])).toEqual([
      'uncapped_liability',
      'custom_payment_terms',
      'custom_integration',
    ]);
  });
});

describe('parseDiscount', () => {
  it.each<[string, number | null]>([
    ['15', 15],
    ['15%', 15],
    ['12.5 %', 12.5],
    ['12,5%', 12.5],
    ['0', 0],
    ['1', 1],
    ['0.5%', 0.5],
    ['', null],
  ])('%j → %j', (raw, value) => {
    expect(parseDiscount(raw)).toEqual({ value });
  });

  it.each([
    ['0.15', 'ambiguous discount "0.15": write 15% for that share of the price, or 0.15% for less than one percent'],
    ['150%', 'discount 150% is outside 0–100%'],
    ['-5', 'discount -5 is outside 0–100%'],
    ['ten', '"ten" is not a discount (write 15 or 15%)'],
  ])('refuses %j', (raw, error) => {
    expect(parseDiscount(raw)).toEqual({ error });
  });
});

describe('pricing structures and non-standard deals', () => {
  it.each<[number | null, string]>([
    [null, 'no discount'],
    [0, 'no discount'],
    [10, 'up to 10%'],
    [10.5, '10–20%'],
    [20, '10–20%'],
    [30, '20–30%'],
    [30.01, 'over 30%'],
  ])('discount %s is in band %s', (pct, band) => {
    expect(discountBand(pct)).toBe(band);
  });

  it('names a structure from model, billing terms and discount band; none without recorded terms', () => {
    expect(
      pricingStructure(terms({ pricingModel: 'per_seat', billingTerms: 'annual upfront, net 30', discountPct: 15 })),
    ).toBe('per_seat · annual upfront, net 30 · 10–20%');
    expect(pricingStructure(terms({ discountPct: 5 }))).toBe('unspecified · unspecified · up to 10%');
    expect(pricingStructure(terms({ servicesSold: 20000 }))).toBeNull();
    expect(termsRecorded(terms({ nonStandardClauses: ['mfn'] }))).toBe(true);
    expect(termsRecorded(NO_TERMS)).toBe(false);
  });

  it('calls a deal non-standard for any clause or a discount above the threshold, saying which', () => {
    expect(nonStandardReasons(terms({ discountPct: 20 }), 20)).toEqual([]);
    expect(nonStandardReasons(terms({ discountPct: 25, nonStandardClauses: ['mfn'] }), 20)).toEqual([
      'clause mfn',
      'discount 25% above 20%',
    ]);
    expect(nonStandardReasons(terms({ discountPct: 25 }), 30)).toEqual([]);
  });
});
