export interface AccountTable {
  id: string;
  workspace_id: string;
  name: string;
  domain: string | null;
  /** null: no segment given yet (an imported account); the default completeness profile applies meanwhile. */
  segment: string | null;
  industry: string | null;
  region: string | null;
  country: string | null;
  lifecycle_phase: string;
  renewal_date: string | null;
  ae_user_id: string | null;
  delivery_lead_user_id: string | null;
  csm_user_id: string | null;
  account_manager_user_id: string | null;
  partner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactTable {
  id: string;
  workspace_id: string;
  account_id: string;
  name: string;
  email: string | null;
  title: string | null;
  role: string;
  last_touch_at: string | null;
  left_at: string | null;
  created_at: string;
  updated_at: string;
}
