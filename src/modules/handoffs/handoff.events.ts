/** The domain events the handoffs module publishes; later modules handle them through their manifests. */
import type { Actor } from '../../platform/auth/principal.ts';

/**
 * Delivery accepted a brief: the account passed from its account executive to the delivery lead. What delivery needs
 * to start the project: the brief, its account and deal, what was sold and promised, and who accepted it.
 */
export interface HandoffAccepted {
  actor: Actor;
  workspaceId: string;
  handoffId: string;
  accountId: string;
  accountName: string;
  segment: string | null;
  partnerId: string | null;
  dealId: string;
  dealName: string;
  products: string[];
  signedOn: string | null;
  /** The go-live promised to the customer, as the brief says it (YYYY-MM-DD), or null. */
  promisedGoLive: string | null;
  servicesSold: number | null;
  currency: string | null;
  /** The delivery lead who takes the account. */
  leadUserId: string | null;
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /**
     * Published in the accepting transaction, after the brief, the account's delivery lead and the ownership handoff
     * are written: a subscriber's error undoes the acceptance and reaches the caller as it is.
     */
    'handoffs.accepted': HandoffAccepted;
  }
}
