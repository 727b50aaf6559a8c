/** The domain events delivery's projects publish; later modules handle them through their manifests. */

/** A usage event an account's milestone is completed by (the feature as usage rolls it up). */
export interface MilestoneUsage {
  accountId: string;
  event: string;
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
  }
}
