/** Regulatory events a workspace records (industries and regions as JSON arrays) and the reviews linked to them. */
export interface RegulatoryEventTable {
  id: string;
  workspace_id: string;
  name: string;
  industries: string;
  regions: string;
  effective_on: string;
  note: string | null;
  created_at: string;
  created_by_label: string;
}

/** One account's review of one event: who reviewed it, when, and what they noted. */
export interface RegulatoryReviewTable {
  id: string;
  workspace_id: string;
  event_id: string;
  account_id: string;
  reviewed_by_user_id: string | null;
  reviewed_by_label: string;
  at: string;
  note: string | null;
}
