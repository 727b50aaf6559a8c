export interface CommitmentTable {
  id: string;
  workspace_id: string;
  account_id: string;
  deal_id: string | null;
  what: string;
  to_contact_id: string | null;
  /** The free-text name, or the contact's name when the promise was recorded. */
  to_name: string;
  words: string;
  /** Classified from `words` when they are written (see `classifyWords`). */
  strength: string;
  matched_phrase: string | null;
  status: string;
  due_date: string | null;
  roadmap_item: string | null;
  made_by_user_id: string | null;
  made_by_label: string;
  made_on: string;
  created_at: string;
  updated_at: string;
}

export interface CommitmentStatusChangeTable {
  id: string;
  workspace_id: string;
  commitment_id: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  changed_by_user_id: string | null;
  changed_by_label: string;
  changed_at: string;
}
