import { describe, expect, it } from 'vitest';
import { type ContractTerms, NO_TERMS } from './contract-terms.ts';
import { contractTermsReport, quarterOf, type TermsReportDeal } from './terms-report.ts';

const STD = { pricingModel: 'per_seat', billingTerms: 'annual upfront, net 30' };

const deal = (
  id: string,
  owner: string | null,
  signedDate: string | null,
  closeDate: string | null,
  terms: Partial<ContractTerms>,
): TermsReportDeal => ({
  id,
  owner,
  signedDate,
  closeDate,
  terms: { ...NO_TERMS, ...terms },
});

const deals = [
  deal('d1', 'Ana', '2026-02-10', '2026-02-01', { ...STD, discountPct: 15 }),
  deal('d2', 'Ana', null, '2026-03-31', { ...STD, discountPct: 12 }),
  deal('d3', 'Ben', '2026-04-01', null, {
    pricingModel: 'usage',
    billingTerms: 'monthly',
    nonStandardClauses: ['mfn'],
  }),
  deal('d4', 'Ben', '2026-05-15', null, { ...STD, discountPct: 25 }),
  deal('d5', null, '2026-06-30', null, {}),
  deal('d6', ' Ana ', '2026-07-01', null, {
    pricingModel: 'hybrid',
    billingTerms: 'quarterly',
    discountPct: 35,
    nonStandardClauses: ['custom_sla', 'mfn'],
  }),
  deal('d7', 'Ben', null, null, { pricingModel: 'flat', discountPct: 0 }),
];

const opts = { discountThreshold: 20, dealsWithUnscopedCommitments: new Set(['d2', 'd5', 'd6', 'not-won']) };

describe('contractTermsReport on constructed deals', () => {
  const report = contractTermsReport(deals, opts);

  it('totals deals, terms, structures, non-standard and unscoped shares', () => {
    expect(report.totals).toEqual({
      deals: 7,
      withTerms: 6,
      structures: 5,
      nonStandard: 3,
      nonStandardShare: 0.5,
      withUnscopedCommitments: 3,
      unscopedShare: 0.4286,
    });
  });

  it('lists each structure and clause with its deals, most common first', () => {
    expect(report.structures).toEqual([
      { structure: 'per_seat · annual upfront, net 30 · 10–20%', deals: 2 },
      { structure: 'flat · unspecified · no discount', deals: 1 },
      { structure: 'hybrid · quarterly · over 30%', deals: 1 },
      { structure: 'per_seat · annual upfront, net 30 · 20–30%', deals: 1 },
      { structure: 'usage · monthly · no discount', deals: 1 },
    ]);
    expect(report.clauses).toEqual([
      { clause: 'mfn', deals: 2 },
      { clause: 'custom_sla', deals: 1 },
    ]);
  });

  it('breaks down by quarter of the signed date, else the close date, undated last', () => {
    expect(report.byQuarter).toEqual([
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
      {
        quarter: 'undated',
        deals: 1,
        withTerms: 1,
        structures: 1,
        nonStandard: 0,
        nonStandardShare: 0,
        withUnscopedCommitments: 0,
        unscopedShare: 0,
      },
    ]);
  });

  it('breaks down by account executive, owners trimmed, the deals without one together', () => {
    expect(report.byOwner).toEqual([
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
        withTerms: 3,
        structures: 3,
        nonStandard: 2,
        nonStandardShare: 0.6667,
        withUnscopedCommitments: 0,
        unscopedShare: 0,
      },
      {
        owner: '(no owner)',
        deals: 1,
        withTerms: 0,
        structures: 0,
        nonStandard: 0,
        nonStandardShare: 0,
        withUnscopedCommitments: 1,
        unscopedShare: 1,
      },
    ]);
  });

  it('follows the discount threshold', () => {
    expect(contractTermsReport(deals, { ...opts, discountThreshold: 30 }).totals.nonStandard).toBe(2);
    expect(contractTermsReport(deals, { ...opts, discountThreshold: 10 }).totals.nonStandard).toBe(5);
  });

  it('answers zeros for no deals', () => {
    expect(contractTermsReport([], opts)).toEqual({
      totals: {
        deals: 0,
        withTerms: 0,
        structures: 0,
        nonStandard: 0,
        nonStandardShare: 0,
        withUnscopedCommitments: 0,
        unscopedShare: 0,
      },
      structures: [],
      clauses: [],
      byQuarter: [],
      byOwner: [],
    });
  });

  it('names quarters', () => {
    expect([
      quarterOf('2026-01-01'),
      quarterOf('2026-03-31'),
      quarterOf('2026-04-01'),
      quarterOf('2026-12-31'),
      quarterOf(null),
    ]).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4', 'undated']);
  });
});
