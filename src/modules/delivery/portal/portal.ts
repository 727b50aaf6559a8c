/** A portal link as staff see it, and the customer's view of their project. Pure types. */
import type { TaskState } from '../forecast/forecast.types.ts';
import type { LinkStatus } from './portal-token.ts';

export interface PortalLink {
  id: string;
  label: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  createdBy: string;
  status: LinkStatus;
  /** The portal page's path, while the link works. */
  url: string | null;
}

/** What the customer sees: the plan and milestones, their tasks, and the timeline; never people, hours or money. */
export interface PortalView {
  project: {
    name: string;
    accountName: string | null;
    status: string;
    kickoffOn: string | null;
    promisedGoLive: string | null;
    forecastGoLive: string | null;
    goLiveOn: string | null;
    firstValueOn: string | null;
  };
  milestones: Array<{
    key: string;
    name: string;
    phase: string;
    firstValue: boolean;
    goLive: boolean;
    forecastOn: string | null;
    completedOn: string | null;
  }>;
  tasks: Array<{
    id: string;
    name: string;
    phase: string;
    milestoneKey: string | null;
    state: TaskState;
    customerOwned: boolean;
    blockedReason: string | null;
    forecastStart: string | null;
    forecastFinish: string | null;
    doneOn: string | null;
  }>;
  timeline: Array<{ at: string; actorKind: string; actor: string; kind: string; detail: Record<string, unknown> }>;
}
