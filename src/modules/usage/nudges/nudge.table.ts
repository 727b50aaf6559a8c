/** A rule that nudges an onboarding account's product users when a milestone's usage event is overdue. */
export interface UsageNudgeRuleTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The usage event a milestone awaits; null: any milestone awaiting an event. */
  milestone_event: string | null;
  days_after_due: number;
  /** email | in_app */
  channel: string;
  subject: string;
  /** Plain text or Markdown with `{{first_name}}`, `{{milestone}}`, `{{account}}`. */
  message: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

/** One nudge: one per rule, milestone and product user (unique), its message as rendered when it was made. */
export interface UsageNudgeTable {
  id: string;
  workspace_id: string;
  rule_id: string;
  milestone_id: string;
  account_id: string;
  user_id: string;
  event: string;
  channel: string;
  email: string | null;
  subject: string;
  body: string;
  /** queued | sending | sent | failed | shown | dismissed */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  shown_at: string | null;
  dismissed_at: string | null;
}

/** A product user a rule found overdue (nudged or not yet): the comparison the effect report makes. */
export interface UsageNudgeEligibleTable {
  workspace_id: string;
  rule_id: string;
  milestone_id: string;
  account_id: string;
  user_id: string;
  event: string;
  eligible_at: string;
}
