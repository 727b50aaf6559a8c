/** The CRM's id of an imported account: importing the same record again finds the same account. */
export interface AccountExternalIdTable {
  workspace_id: string;
  /** `salesforce`, `hubspot` or `csv` (any other file). */
  source: string;
  external_id: string;
  account_id: string;
  created_at: string;
}

/** The CRM's id of an imported contact. */
export interface ContactExternalIdTable {
  workspace_id: string;
  source: string;
  external_id: string;
  contact_id: string;
  created_at: string;
}
