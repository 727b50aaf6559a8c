/** One suggestion of articles for a question, and whether the person asking was helped (null until they say). */
export interface KnowledgeDeflectionTable {
  id: string;
  workspace_id: string;
  /** `widget` (a help widget in the customer's product), `ticket` (a new ticket), `staff` (a person in Baton). */
  channel: string;
  query: string;
  ticket_id: string | null;
  account_id: string | null;
  /** The widget's end user id, as the customer's product knows them. */
  end_user: string | null;
  /** JSON array of the article ids suggested, best first. */
  suggested: string;
  /** `helped` | `not_helped`; null while unanswered. */
  outcome: string | null;
  helped_article_id: string | null;
  created_at: string;
  answered_at: string | null;
}
