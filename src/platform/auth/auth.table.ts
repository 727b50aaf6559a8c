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
