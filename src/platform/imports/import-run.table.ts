import type { Generated } from 'kysely';

export interface ImportRunTable {
  id: string;
  workspace_id: string;
  kind: string;
  format: string;
  file_name: string | null;
  status: string;
  dry_run: number;
  read: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  skipped: Generated<number>;
  errors: string;
  /** JSON array of sentences: what the run said besides its row errors. */
  notes: string | null;
  actor_label: string;
  started_at: string;
  /** When the run last showed it was alive; null for runs older than this column. */
  heartbeat_at: string | null;
  finished_at: string | null;
}
