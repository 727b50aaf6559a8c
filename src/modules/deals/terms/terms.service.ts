import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import type { Deal, GuardRequirements } from '../deal.ts';
import { getDeal } from '../deal.service.ts';
import { findDeal, updateDealRow } from '../deal.store.ts';
import {
  type ContractTerms,
  normalizeBillingTerms,
  normalizeClauses,
  normalizePricingModel,
} from './contract-terms.ts';
import type { TermsReportDeal } from './terms-report.ts';
import { selectWonDealTerms, termsOfRow, termsPatchColumns } from './terms.store.ts';

/** A hand-made change of terms: only the fields given change; null clears one. */
export interface TermsInput {
  pricingModel?: string | null;
  billingTerms?: string | null;
  discountPct?: number | null;
  nonStandardClauses?: string[];
  servicesSold?: number | null;
}

/** Records a deal's contract terms by hand (normalised as an import would), audited with before and after. */
export async function updateDealTerms(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: TermsInput,
  req: GuardRequirements,
): Promise<Deal> {
  const row = await findDeal(db, workspaceId, id);
  if (!row) throw AppError.notFound('deal');
  const before = await getDeal(db, workspaceId, id, req);
  const patch: Partial<ContractTerms> = {};
  if (input.pricingModel !== undefined) patch.pricingModel = normalizePricingModel(input.pricingModel);
  if (input.billingTerms !== undefined) patch.billingTerms = normalizeBillingTerms(input.billingTerms);
  if (input.discountPct !== undefined) patch.discountPct = input.discountPct;
  if (input.nonStandardClauses !== undefined) patch.nonStandardClauses = normalizeClauses(input.nonStandardClauses);
  if (input.servicesSold !== undefined) patch.servicesSold = input.servicesSold;
  const now = nowIso();
  await updateDealRow(db, workspaceId, id, {
    ...termsPatchColumns(patch),
    updated_at: now > row.updated_at ? now : new Date(Date.parse(row.updated_at) + 1).toISOString(),
  });
  const after = await getDeal(db, workspaceId, id, req);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'deal.terms',
    entityType: 'deal',
    entityId: id,
    before: { terms: before.terms },
    after: { terms: after.terms },
  });
  return after;
}

/**
 * The workspace's won deals with their terms, as the contract-terms report reads them; `from`/`to` bound the signed
 * date, else the close date.
 */
export async function wonDealTerms(
  db: Db,
  workspaceId: string,
  period: { from?: string; to?: string },
): Promise<TermsReportDeal[]> {
  const rows = await selectWonDealTerms(db, workspaceId, period);
  return rows.map((r) => ({
    id: r.id,
    owner: r.owner,
    signedDate: r.signed_date,
    closeDate: r.close_date,
    terms: termsOfRow(r),
  }));
}
