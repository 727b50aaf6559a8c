import type { Db } from '../../../platform/db/database.ts';
import type { DealTable } from '../deal.table.ts';
import type { ContractTerms } from './contract-terms.ts';

type TermsColumns = Pick<
  DealTable,
  'pricing_model' | 'billing_terms' | 'discount_pct' | 'non_standard_clauses' | 'services_sold'
>;

/** A deal row's contract terms. */
export function termsOfRow(r: TermsColumns): ContractTerms {
  return {
    pricingModel: r.pricing_model,
    billingTerms: r.billing_terms,
    discountPct: r.discount_pct,
    nonStandardClauses: r.non_standard_clauses ? (JSON.parse(r.non_standard_clauses) as string[]) : [],
    servicesSold: r.services_sold,
  };
}

/**
 * The terms columns an import writes: each term the source carries replaces the recorded one; a term it
 * leaves blank keeps what is recorded (terms entered by hand survive a file that lacks those columns).
 */
export function termsColumns(incoming: ContractTerms | undefined, existing: TermsColumns | undefined): TermsColumns {
  const clauses = incoming?.nonStandardClauses.length
    ? JSON.stringify(incoming.nonStandardClauses)
    : (existing?.non_standard_clauses ?? null);
  return {
    pricing_model: incoming?.pricingModel ?? existing?.pricing_model ?? null,
    billing_terms: incoming?.billingTerms ?? existing?.billing_terms ?? null,
    discount_pct: incoming?.discountPct ?? existing?.discount_pct ?? null,
    non_standard_clauses: clauses,
    services_sold: incoming?.servicesSold ?? existing?.services_sold ?? null,
  };
}

/** The columns of a hand-made change: only the terms given are written (null clears one). */
export function termsPatchColumns(patch: Partial<ContractTerms>): Partial<TermsColumns> {
  const set: Partial<TermsColumns> = {};
  if (patch.pricingModel !== undefined) set.pricing_model = patch.pricingModel;
  if (patch.billingTerms !== undefined) set.billing_terms = patch.billingTerms;
  if (patch.discountPct !== undefined) set.discount_pct = patch.discountPct;
  if (patch.nonStandardClauses !== undefined) set.non_standard_clauses = JSON.stringify(patch.nonStandardClauses);
  if (patch.servicesSold !== undefined) set.services_sold = patch.servicesSold;
  return set;
}

/** Won deals with what the contract-terms report reads; `from`/`to` bound the signed date, else the close date. */
export function selectWonDealTerms(db: Db, workspaceId: string, range: { from?: string; to?: string }) {
  let q = db
    .selectFrom('deals')
    .select([
      'id',
      'owner',
      'signed_date',
      'close_date',
      'pricing_model',
      'billing_terms',
      'discount_pct',
      'non_standard_clauses',
      'services_sold',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('stage_category', '=', 'won');
  const { from, to } = range;
  if (from) q = q.where((eb) => eb(eb.fn.coalesce('signed_date', 'close_date'), '>=', from));
  if (to) q = q.where((eb) => eb(eb.fn.coalesce('signed_date', 'close_date'), '<=', to));
  return q.orderBy('id').execute();
}
