import type { ContactRole, LifecyclePhase, Region, Segment } from '../account.ts';

/**
 * One account as an import reads it, normalised. A field the file has no column for is absent (the account
 * keeps what it has); `null` means the file's cell is blank (the value is cleared, or the default applies).
 */
export interface AccountImportRecord {
  /** Where the record comes from: `salesforce`, `hubspot` or `csv`; external ids are unique per source. */
  source: string;
  externalId: string | null;
  name: string;
  domain?: string | null;
  segment?: Segment | null;
  industry?: string | null;
  region?: Region | null;
  country?: string | null;
  lifecyclePhase?: LifecyclePhase | null;
  renewalDate?: string | null;
  /** A member's email or name, resolved when the batch is applied. */
  owner?: string | null;
  csm?: string | null;
}

/** One contact as an import reads it; absent and `null` as for accounts. */
export interface ContactImportRecord {
  source: string;
  externalId: string | null;
  /** The account's id in the source (its account import's external id). */
  accountExternalId: string | null;
  accountName: string | null;
  name: string;
  email?: string | null;
  title?: string | null;
  role?: ContactRole | null;
  lastTouchAt?: string | null;
  leftAt?: string | null;
}

/** What a mapper makes of one row: a record, every problem found (each naming its field), or a deliberate skip. */
export type { RowResult as RowOutcome } from '../../../platform/imports/map-rows.ts';
