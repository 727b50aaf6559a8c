export interface SessionTable {
  id: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeyTable {
  id: string;
  workspace_id: string;
  name: string;
  scope: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Failed sign-ins in a row, for one account (`account:<email>`) or one client address (`address:<ip>`). */
export interface LoginFailureTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}
