/** A product release; `plans` is a JSON array, or null when each feature's own plans apply. */
export interface UsageReleaseTable {
  id: string;
  workspace_id: string;
  name: string;
  version: string | null;
  released_on: string;
  notes: string | null;
  plans: string | null;
  created_at: string;
  updated_at: string;
}

/** A catalogue feature a release introduced. */
export interface UsageReleaseFeatureTable {
  workspace_id: string;
  release_id: string;
  feature_key: string;
}
