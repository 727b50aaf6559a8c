/** The domain events the revenue module publishes; later modules (health) handle them through their manifests. */

/** Subscriptions of these accounts were created or changed (a file, a Stripe event, the demo, a rematch). */
export interface RevenueSubscriptionsChanged {
  workspaceId: string;
  accountIds: string[];
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /** Published in the transaction that stores the subscriptions: their signals and renewal risk are judged again. */
    'revenue.subscriptions-changed': RevenueSubscriptionsChanged;
  }
}
