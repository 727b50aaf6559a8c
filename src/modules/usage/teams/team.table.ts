/** The team or department a product user last identified with: the identify trait `usage.team-trait` names. */
export interface UsageUserTeamTable {
  workspace_id: string;
  user_id: string;
  team: string;
  updated_at: string;
}
