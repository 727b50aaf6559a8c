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
  pricing_model: string | null;
  billing_terms: string | null;
  discount_pct: number | null;
  /** JSON array of clause tags; null when none were ever recorded. */
  non_standard_clauses: string | null;
  services_sold: number | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
  /** 1 when the CRM stated the category itself (Salesforce IsWon/IsClosed): stage mappings leave it alone. */
  stage_category_stated: number;
  /** The CRM's own win probability, 0–100; null when no file gave one (the stage's probability stands in). */
  probability: number | null;
}

export interface DealStageMappingTable {
  workspace_id: string;
  source: string;
  pipeline: string;
  stage: string;
  category: string;
  label: string | null;
  pipeline_label: string | null;
  /** 0–100. */
  probability: number | null;
  display_order: number | null;
}
