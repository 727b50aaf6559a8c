/** The domain events delivery's projects publish; later modules handle them through their manifests. */

/** A usage event an account's milestone is completed by (the feature as usage rolls it up). */
export interface MilestoneUsage {
  accountId: string;
  event: string;
}

/**
 * A step of a project's life on its account: `on` the day it happened, `recordedOn` the day it was recorded (the
 * caller's clock), so a handler can tell a fresh step from one recorded late.
 */
export interface ProjectMoment {
  workspaceId: string;
  projectId: string;
  accountId: string;
  on: string;
  recordedOn: string;
}

declare module '../../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /**
     * The usage events open milestones wait for changed, in the transaction that changed them: `awaited` by a
     * project just planned, `reached` when no open milestone of the account waits for that event any more. Usage
     * watches the awaited ones and, when the account first does one, queues `delivery.usage-milestones`.
     */
    'delivery.usage-milestones-changed': {
      workspaceId: string;
      awaited: readonly MilestoneUsage[];
      reached: readonly MilestoneUsage[];
    };
    /** A project kicked off (the queue wait ended, the plan started), in the transaction that recorded it. */
    'delivery.project-kicked-off': ProjectMoment;
    /** A project went live, in the transaction that recorded it. */
    'delivery.project-went-live': ProjectMoment;
    /**
     * A project's first-value milestone was reached (by its tasks or by the account's use of the product), in the
     * transaction that reached it: the end of time to value (DESIGN §5).
     */
    'delivery.first-value-reached': ProjectMoment;
  }
}
