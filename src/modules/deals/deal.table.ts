export interface DealTable {
  id: string;
  workspace_id: string;
  source: string;
  external_id: string;
  name: string;
  account_id: string | null;
  account_name: string | null;
  account_external_id: string | null;
  stage: string;
  stage_category: string;
  pipeline: string | null;
  amount: number | null;
  currency: string | null;
  close_date: string | null;
  signed_date: string | null;
  created_date: string | null;
  owner: string | null;
  products: string;
  partner_name: string | null;
  finance_confirmed_at: string | null;
  journey_state: string;
  confirmed_at: string | null;
  reopened_at: string | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface DealStageMappingTable {
  workspace_id: string;
  source: string;
  pipeline: string;
  stage: string;
  category: string;
  label: string | null;
}
