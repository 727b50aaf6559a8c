export interface DeliveryResourceTable {
  id: string;
  workspace_id: string;
  /** The Baton user this person signs in as, when they do. */
  user_id: string | null;
  name: string;
  email: string | null;
  /** A delivery role, matched against playbook tasks' owner roles (e.g. `consultant`). */
  role: string;
  /** JSON array of skill tags. */
  skills: string;
  weekly_capacity_hours: number;
  /** JSON array of ISO weekdays worked (1 = Monday … 7 = Sunday). */
  working_days: string;
  cost_rate: number;
  bill_rate: number;
  /** Set for a partner firm's consultant. */
  partner_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ResourceTimeOffTable {
  id: string;
  workspace_id: string;
  resource_id: string;
  /** Inclusive ISO dates. */
  starts_on: string;
  ends_on: string;
  reason: string | null;
  created_at: string;
}

export interface WorkspaceHolidayTable {
  id: string;
  workspace_id: string;
  on_date: string;
  name: string;
}
