export interface HandoffBriefTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  account_id: string | null;
  state: string;
  /** JSON: the brief's structured fields (BriefContent). */
  content: string;
  completeness: number;
  ae_user_id: string | null;
  delivery_lead_user_id: string | null;
  submitted_at: string | null;
  accepted_at: string | null;
  returned_at: string | null;
  /** JSON array of the reasons of the last return. */
  return_reasons: string | null;
  deal_reopened_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HandoffEventTable {
  id: string;
  workspace_id: string;
  brief_id: string;
  at: string;
  actor_label: string;
  actor_id: string | null;
  from_state: string | null;
  to_state: string;
  completeness: number;
  note: string | null;
}

export interface HandoffClarificationTable {
  id: string;
  workspace_id: string;
  brief_id: string;
  field: string | null;
  question: string;
  /** 1 when the brief had already filled the field the question is about. */
  repeated: number;
  asked_by: string | null;
  asked_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface AccountOwnershipHandoffTable {
  id: string;
  workspace_id: string;
  account_id: string;
  from_role: string;
  to_role: string;
  from_user_id: string | null;
  to_user_id: string | null;
  brief_id: string | null;
  at: string;
  note: string | null;
}
