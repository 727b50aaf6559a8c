export interface WorkspaceSettingTable {
  workspace_id: string;
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}
