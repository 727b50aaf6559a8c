/** What the capacity page shows: the plan by role and week, the kickoff queue and the pipeline counted. Pure types. */
import type { CapacityPlan } from '../forecast/capacity-plan.ts';

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
  playbook: string | null;
  expectedStart: string;
  weightedHours: number;
}

export interface CapacityView extends CapacityPlan {
  startWeek: string;
  bufferPct: number;
  queue: QueuedProject[];
  pipeline: PipelineLine[];
}
