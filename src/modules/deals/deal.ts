/** Deals from the CRM: the commercial record a customer's journey starts from. */
import type { ContractTerms } from './terms/contract-terms.ts';

export const DEAL_SOURCES = ['hubspot', 'salesforce', 'csv', 'api'] as const;
export type DealSource = (typeof DEAL_SOURCES)[number];

/** What a CRM stage means for Baton: still being sold, won, or lost. */
export const STAGE_CATEGORIES = ['open', 'won', 'lost'] as const;
export type StageCategory = (typeof STAGE_CATEGORIES)[number];

/**
 * One deal as an import or a webhook delivers it, already normalised (trimmed, typed, dates as
 * YYYY-MM-DD), before it is matched to an account and stored. Fields the source does not carry are null.
 */
export interface DealRecord {
  source: DealSource;
  /** The CRM's own id (Salesforce Opportunity Id, HubSpot Record ID / deal_id, or a mapped column). */
  externalId: string;
  name: string;
  /** The customer's name as the CRM spells it. */
  accountName: string | null;
  /** The customer's id in the CRM (Salesforce AccountId, HubSpot associated company id). */
  accountExternalId: string | null;
  /** The stage as the CRM names it (label or id). */
  stage: string;
  /** Won / lost / open when the source says so itself (Salesforce IsWon + IsClosed); null → the stage mapping decides. */
  stageCategory: StageCategory | null;
  pipeline: string | null;
  amount: number | null;
  /** ISO 4217, upper case. */
  currency: string | null;
  closeDate: string | null;
  signedDate: string | null;
  createdDate: string | null;
  owner: string | null;
  products: string[];
  partner: string | null;
  /**
   * Contract terms, present only when the source carries at least one (so records without terms hash as
   * they always did). A null term leaves what is recorded on the deal alone.
   */
  terms?: ContractTerms;
  /**
   * The CRM's own win probability of the deal, 0–100, present only when the source gives one (records without it
   * hash as they always did); the stage's probability stands in otherwise.
   */
  probability?: number;
}

/** A problem with one row of an import: its number (1 = first data row), the field, and why. */
export interface RowError {
  row: number;
  field: string;
  reason: string;
}

export type RowResult = { ok: true; record: DealRecord } | { ok: false; errors: RowError[] };

/**
 * Where a deal stands on the way into the post-sale journey (the closed-won guard):
 * `open` and `lost` are the CRM's; a won deal waits as `pending_confirmation` until every required
 * condition holds, then is `confirmed`; a confirmed deal the CRM takes back is `reopened`.
 */
export const JOURNEY_STATES = ['open', 'lost', 'pending_confirmation', 'confirmed', 'reopened'] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

/** Which conditions, besides being won, let a deal into the journey (a workspace setting). */
export interface GuardRequirements {
  signed: boolean;
  financeConfirmed: boolean;
}

export const DEFAULT_GUARD: GuardRequirements = { signed: true, financeConfirmed: true };

export type MissingCondition = 'won' | 'signed' | 'finance_confirmed';

export interface GuardInput {
  stageCategory: StageCategory;
  signedDate: string | null;
  financeConfirmedAt: string | null;
  /** The state before this change, for deals already known. */
  previous: JourneyState | null;
}

/** The closed-won guard: the deal's journey state and what it still lacks. Pure. */
export function guard(input: GuardInput, req: GuardRequirements): { state: JourneyState; missing: MissingCondition[] } {
  const missing: MissingCondition[] = [];
  if (input.stageCategory !== 'won') missing.push('won');
  if (req.signed && !input.signedDate) missing.push('signed');
  if (req.financeConfirmed && !input.financeConfirmedAt) missing.push('finance_confirmed');
  if (input.stageCategory !== 'won') {
    const wasIn = input.previous === 'confirmed' || input.previous === 'reopened';
    return { state: wasIn ? 'reopened' : input.stageCategory, missing };
  }
  return { state: missing.length === 0 ? 'confirmed' : 'pending_confirmation', missing };
}

/** A stored deal as the API answers it: what the CRM said, the account it matched, and where it stands in the guard. */
export interface Deal {
  id: string;
  source: string;
  externalId: string;
  name: string;
  accountId: string | null;
  accountName: string | null;
  stage: string;
  stageCategory: StageCategory;
  pipeline: string | null;
  amount: number | null;
  currency: string | null;
  closeDate: string | null;
  signedDate: string | null;
  createdDate: string | null;
  owner: string | null;
  products: string[];
  partnerName: string | null;
  financeConfirmedAt: string | null;
  journeyState: JourneyState;
  /** What a won deal still lacks before it enters the post-sale journey. */
  missing: MissingCondition[];
  confirmedAt: string | null;
  reopenedAt: string | null;
  /** Pricing model, billing terms, discount, non-standard clauses and services sold, from the CRM or by hand. */
  terms: ContractTerms;
  createdAt: string;
  updatedAt: string;
}
