export interface PortalLinkTable {
  id: string;
  workspace_id: string;
  project_id: string;
  label: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  created_by_label: string;
  created_at: string;
}
