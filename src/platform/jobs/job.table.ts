import type { Generated } from 'kysely';

export interface JobTable {
  id: string;
  workspace_id: string | null;
  type: string;
  version: number;
  payload: string;
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  progress: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}
