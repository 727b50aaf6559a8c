/** The domain events the deals module publishes; later modules handle them through their manifests. */

/** A deal that passed the closed-won guard: it enters the post-sale journey. */
export interface ConfirmedDeal {
  dealId: string;
  name: string;
  accountId: string | null;
  partnerName: string | null;
}

/** A confirmed deal the CRM took back: its stage no longer means won. */
export interface ReopenedDeal {
  dealId: string;
  name: string;
  accountId: string | null;
  /** The stage the CRM moved it to. */
  stage: string;
  amount: number | null;
  currency: string | null;
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /** Deals of one change (an import batch, a webhook delivery, finance's confirmation …) entered the journey. */
    'deals.confirmed': { workspaceId: string; deals: ConfirmedDeal[] };
    /** Confirmed deals of one change that the CRM reopened. */
    'deals.reopened': { workspaceId: string; deals: ReopenedDeal[] };
    /** Deals that waited for their account were linked to it once it appeared. */
    'deals.account-linked': { workspaceId: string; accountId: string; dealIds: string[] };
  }
}
