/** One product usage event; `account_id` is null while its group is unknown (kept aside, re-matched later). */
export interface UsageEventTable {
  workspace_id: string;
  /** `segment` or `posthog`. */
  source: string;
  /** Segment `messageId` or PostHog `uuid`: a retried event is a duplicate. */
  message_id: string;
  type: string;
  event: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  account_id: string | null;
  group_id: string | null;
  occurred_at: string;
  received_at: string;
  /** JSON text. */
  properties: string;
}

/** A product user's group, and the account that group resolved to (null while unknown). */
export interface UsageUserTable {
  workspace_id: string;
  user_id: string;
  group_id: string;
  account_id: string | null;
  updated_at: string;
}

/** The email a product user last identified with (identify traits, PostHog `$set`). */
export interface UsageUserTraitsTable {
  workspace_id: string;
  user_id: string;
  email: string;
  updated_at: string;
}

/** One refused ingest request (authenticated) and why; accepted requests count in `usage_ingest_totals` only. */
export interface UsageIngestRequestTable {
  id: string;
  workspace_id: string;
  source: string;
  received_at: string;
  received: number;
  stored: number;
  duplicates: number;
  rejected: number;
  unmatched: number;
  detail: string | null;
}

/** What a workspace's ingest of one source has come to since it began, kept as requests are recorded. */
export interface UsageIngestTotalsTable {
  workspace_id: string;
  source: string;
  received: number;
  /** Events stored, counted when stored: raw events deleted past the retention window stay counted. */
  stored: number;
  duplicates: number;
  rejected: number;
  /** The latest `occurred_at` of an event stored. */
  last_event_at: string | null;
  /** When an event was last stored. */
  last_received_at: string | null;
}
