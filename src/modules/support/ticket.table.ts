/** The support module's tables. Times are ISO-8601 UTC text. */

export interface TicketTable {
  id: string;
  workspace_id: string;
  /** Null while the ticket waits for its account (listed as unmatched). */
  account_id: string | null;
  /** `zendesk`, `salesforce`, `hubspot`, `fivetran`, `csv` or `demo`: external ids are unique per source. */
  source: string;
  external_id: string;
  subject: string | null;
  description: string | null;
  status: string | null;
  priority: string | null;
  /** One of the ticket categories, or null while nothing labelled it. */
  category: string | null;
  /** Who labelled it: `source`, `rule`, `model` or `person`. */
  category_source: string | null;
  channel: string | null;
  requester_email: string | null;
  organization: string | null;
  /** The account's CRM id as the source gave it. */
  account_external_id: string | null;
  assignee: string | null;
  /** JSON array of strings. */
  tags: string;
  created_at: string;
  first_response_at: string | null;
  solved_at: string | null;
  satisfaction: string | null;
  /** When the source last changed it: an older state never replaces a newer one. */
  updated_at: string | null;
  content_hash: string;
  stored_at: string;
  /** How many times it left solved or closed again (null: its source does not say). */
  reopens: number | null;
}

/** A ticket's status from a time on (event logs, webhooks), keyed by the ticket's source and id. */
export interface TicketEventTable {
  workspace_id: string;
  source: string;
  external_id: string;
  at: string;
  status: string;
  stored_at: string;
}

/** A workspace's last fitted ticket classifier with its cross-validated figures. */
export interface TicketModelTable {
  workspace_id: string;
  trained_at: string;
  n: number;
  accuracy: number;
  macro_f1: number;
  /** JSON: folds, per-class figures and the confusion matrix. */
  metrics: string;
  /** JSON: the fitted classifier (`baton.ticket-classifier`). */
  model: string;
}

/** A Zendesk webhook delivery applied (or found older than the stored ticket): each is applied once. */
export interface TicketWebhookEventTable {
  workspace_id: string;
  /** The event's id, or `sha256:<hex>` of a trigger's body. */
  event_key: string;
  event_type: string;
  external_id: string;
  /** `applied` or `stale` (older than the ticket stored). */
  outcome: string;
  received_at: string;
}
