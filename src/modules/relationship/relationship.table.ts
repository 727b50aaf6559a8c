/** The relationship module's tables. Times are ISO-8601 UTC text; lists are JSON text. */

/** One answer to an NPS (0–10) or CSAT (1–5) survey. */
export interface RelationshipSurveyTable {
  id: string;
  workspace_id: string;
  account_id: string;
  /** The stakeholder who answered, when Baton knows them. */
  contact_id: string | null;
  /** The address the answer came from, kept even when no contact has it. */
  contact_email: string | null;
  /** `nps` or `csat`. */
  kind: string;
  score: number;
  comment: string | null;
  responded_at: string;
  /** The project milestone the survey followed, as text (`Go-live`, a milestone's name). */
  milestone: string | null;
  /** `api`, `csv` or `demo`. */
  source: string;
  /** What makes an answer the same answer again: its id in the source, else its account, person, kind and moment. */
  dedupe_key: string;
  created_at: string;
}

/** A meeting, call or email with an account's people. */
export interface RelationshipTouchTable {
  id: string;
  workspace_id: string;
  account_id: string;
  /** `meeting`, `call` or `email`. */
  kind: string;
  occurred_at: string;
  subject: string | null;
  /** `inbound`, `outbound` or null when the source does not say. */
  direction: string | null;
  /** `api`, `salesforce`, `hubspot`, `csv` or `demo`. */
  source: string;
  /** The activity's id in the source, when it has one. */
  external_id: string | null;
  /** JSON: the stakeholders' contact ids Baton knows. */
  contact_ids: string;
  /** JSON: every address the touch named, known or not. */
  emails: string;
  dedupe_key: string;
  created_at: string;
}
