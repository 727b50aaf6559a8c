/** The domain events the accounts module publishes; later modules handle them through their manifests. */

/** Accounts were created, imported, renamed or given a new domain in a workspace. */
export interface AccountsAppeared {
  workspaceId: string;
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /**
     * Published in the transaction that creates, imports, renames or re-domains accounts: what named an account
     * Baton did not know yet (deals, usage kept aside) may find it now. Subscribers queue their own jobs, which run
     * once that write has committed (even when it came from another process, such as `baton import accounts`).
     */
    'accounts.appeared': AccountsAppeared;
  }
}
