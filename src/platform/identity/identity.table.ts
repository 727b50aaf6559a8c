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

/** An invitation to join a workspace with a role; the membership exists only once the person accepts. */
export interface InvitationTable {
  id: string;
  workspace_id: string;
  email: string;
  /** The name the inviter suggested, offered to a new person when they set their password. */
  name: string | null;
  role: string;
  partner_id: string | null;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

/** A single-use link for a person to set their own password (made by the instance operator). */
export interface PasswordLinkTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
