/**
 * The contract-terms report: the won deals' terms (read from the deals module) with the deals signed with unscoped
 * commitments (this module's ledger), by quarter and by account executive.
 */
import type { Db } from '../../platform/db/database.ts';
import { contractTermsReport, type TermsReport, wonDealTerms } from '../deals/index.ts';
import { type CommitmentStatus, isUnscoped } from './commitment.ts';
import * as store from './commitment.store.ts';

export interface TermsReportQuery {
  from?: string;
  to?: string;
  /** A discount above this many percent makes a deal non-standard. */
  discountThreshold: number;
}

/** Deals with at least one unscoped promise linked to them (`isUnscoped`). */
export async function dealsWithUnscopedCommitments(db: Db, workspaceId: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const r of await store.selectDealCommitments(db, workspaceId)) {
    if (r.deal_id && isUnscoped({ dueDate: r.due_date, status: r.status as CommitmentStatus })) out.add(r.deal_id);
  }
  return out;
}

/** The contract-terms report over the workspace's won deals signed (else closed) within the period. */
export async function contractTermsReportFor(
  db: Db,
  workspaceId: string,
  q: TermsReportQuery,
): Promise<TermsReport & TermsReportQuery> {
  const deals = await wonDealTerms(db, workspaceId, q);
  const unscoped = await dealsWithUnscopedCommitments(db, workspaceId);
  return {
    ...q,
    ...contractTermsReport(deals, { discountThreshold: q.discountThreshold, dealsWithUnscopedCommitments: unscoped }),
  };
}
