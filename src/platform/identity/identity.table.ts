export interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  is_demo: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface PartnerTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  partner_id: string | null;
  created_at: string;
}
