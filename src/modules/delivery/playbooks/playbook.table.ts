export interface PlaybookTable {
  id: string;
  workspace_id: string;
  /** A stable slug, unique in the workspace; what YAML/JSON files and the CLI name a playbook by. */
  key: string;
  name: string;
  description: string | null;
  /** JSON array of product names the playbook is for; empty: any product. */
  products: string;
  /** JSON array of segments the playbook is for; empty: any segment. */
  segments: string;
  /** Among several matching playbooks, the highest priority wins, then the most specific. */
  priority: number;
  current_version: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlaybookVersionTable {
  id: string;
  workspace_id: string;
  playbook_id: string;
  version: number;
  /** JSON `PlaybookDefinition`; a version is never changed once written. */
  definition: string;
  note: string | null;
  created_by_label: string;
  created_at: string;
}
