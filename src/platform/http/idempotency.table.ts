export interface IdempotencyKeyTable {
  workspace_id: string;
  key: string;
  fingerprint: string;
  status_code: number;
  response_body: string;
  created_at: string;
}
