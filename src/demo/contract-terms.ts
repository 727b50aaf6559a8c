/**
 * Contract terms of the demo's won deals, in the shape of DESIGN §1's "every contract custom": most deals on
 * the standard structure, a tail of variations, and some with clauses legal had to negotiate. Pure and
 * deterministic, from a random stream of its own.
 */
import type { DemoDealRef } from './commitments.ts';
import { createRandom, type Random } from './random.ts';

/** Terms as an account executive would record them by hand (the service normalises them). */
export interface DemoContractTerms {
  source: string;
  externalId: string;
  terms: {
    pricingModel: string;
    billingTerms: string;
    discountPct: number;
    nonStandardClauses: string[];
    servicesSold: number | null;
  };
}

const VARIANTS: ReadonlyArray<readonly [pricing: string, billing: string]> = [
  ['Usage based', 'Monthly in arrears, net 30'],
  ['Tiered', 'Quarterly upfront, net 45'],
  ['Platform fee + usage', 'Annual upfront, net 30'],
  ['Per user', 'Annual upfront, net 60'],
  ['Flat fee', 'Annual upfront, net 30'],
  ['Per user', '3-year prepaid, net 30'],
];

const CLAUSES = [
  'Custom SLA',
  'MFN',
  'Termination for convenience',
  'Net 90 payment terms',
  'Uncapped liability',
  'Source code escrow',
  'Custom integration',
];

function termsFor(rng: Random, amount: number | null): DemoContractTerms['terms'] {
  const standard = rng.chance(0.55);
  const [pricingModel, billingTerms] = standard
    ? (['Per seat', 'Annual upfront, net 30'] as const)
    : rng.pick(VARIANTS);
  const negotiated = rng.chance(0.22);
  return {
    pricingModel,
    billingTerms,
    discountPct: negotiated && rng.chance(0.6) ? rng.int(24, 40) : rng.pick([0, 0, 5, 8, 10, 12, 15]),
    nonStandardClauses: negotiated ? rng.shuffle(CLAUSES).slice(0, rng.int(1, 2)) : [],
    servicesSold: amount !== null && rng.chance(0.6) ? Math.round((amount * rng.int(8, 30)) / 100 / 500) * 500 : null,
  };
}

/** Terms for each won deal, given its amount. */
export function generateDemoContractTerms(
  seed: number,
  deals: ReadonlyArray<DemoDealRef & { amount: number | null }>,
): DemoContractTerms[] {
  const rng = createRandom(seed ^ 0x7e4a);
  return deals.map((d) => ({ source: d.source, externalId: d.externalId, terms: termsFor(rng, d.amount) }));
}
