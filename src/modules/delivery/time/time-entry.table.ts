export interface TimeEntryTable {
  id: string;
  workspace_id: string;
  project_id: string;
  task_id: string | null;
  resource_id: string;
  on_date: string;
  hours: number;
  billable: number;
  /** Hours spent redoing work already done. */
  rework: number;
  note: string | null;
  /** web | api | import */
  source: string;
  /** An import's own row id, so that re-running the import changes nothing. */
  external_id: string | null;
  created_by_label: string;
  created_at: string;
}
