/** What the capacity page shows: the plan by role and week, the kickoff queue and the pipeline counted. Pure types. */
import type { CapacityPlan } from '../forecast/capacity-plan.ts';

/** What the plan does with an open deal past its close date: leave it out (listed as stale), or count it as starting today. */
export const STALE_DEAL_TREATMENTS = ['exclude', 'count_from_today'] as const;
export type StaleDealTreatment = (typeof STALE_DEAL_TREATMENTS)[number];

export interface QueuedProject {
  projectId: string;
  name: string;
  accountName: string | null;
  acceptedOn: string;
  signedOn: string | null;
  plannedKickoffOn: string | null;
  waitDays: number;
  promisedGoLive: string | null;
}

export interface PipelineLine {
  dealId: string;
  name: string;
  probability: number;
  probabilityKnown: boolean;
  /** The CRM's own probability for the deal, its stage's, or the default for a stage nobody gave one. */
  probabilitySource: 'deal' | 'stage' | 'default';
  playbook: string | null;
  closeDate: string | null;
  /** Past its close date (by more than the workspace's staleAfterDays) while still open in the CRM. */
  stale: boolean;
  /** Whether the plan counts its hours (a stale deal is left out unless the workspace counts stale deals). */
  counted: boolean;
  expectedStart: string;
  weightedHours: number;
}

/** The day an open deal is stale from, under a workspace's setting: past its close date by more than `afterDays`. */
export function isStale(closeDate: string | null, today: string, afterDays: number): boolean {
  if (closeDate === null) return false;
  const limit = new Date(Date.parse(`${today}T00:00:00Z`) - afterDays * 86_400_000).toISOString().slice(0, 10);
  return closeDate < limit;
}

export interface CapacityView extends CapacityPlan {
  startWeek: string;
  bufferPct: number;
  queue: QueuedProject[];
  pipeline: PipelineLine[];
  /** What the plan does with stale deals, and how many there are. */
  stale: { treatment: StaleDealTreatment; afterDays: number; deals: number };
}
