/** The demo workspace as plain data: what `generateDemo` returns and `buildDemoWorkspace` writes. */
import type { ContactRole, LifecyclePhase, Region, Segment } from '../modules/accounts/index.ts';
import type { Role } from '../platform/auth/permissions.ts';
import type { DemoDeal } from './deals.ts';
import type { DemoCommitment } from './commitments.ts';
import type { DemoContractTerms } from './contract-terms.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_VENDOR = 'Northwind Software';
export const DEMO_WORKSPACE_NAME = `Demo: ${DEMO_VENDOR}`;
export const STAFF_EMAIL_DOMAIN = 'baton-demo.example';

/** The job a staff member does; the workspace role follows from it (`POSITION_ROLES`). */
export type Position =
  'leader' | 'account_executive' | 'delivery_lead' | 'csm' | 'account_manager' | 'support' | 'viewer';

/** Account managers own renewals and expansion commercially, so they sit with sales. */
export const POSITION_ROLES: Readonly<Record<Position, Role>> = {
  leader: 'leader',
  account_executive: 'sales',
  delivery_lead: 'delivery',
  csm: 'csm',
  account_manager: 'sales',
  support: 'support',
  viewer: 'viewer',
};

/** A person at the vendor. `email` is their key: accounts name their owners by it. */
export interface DemoStaff {
  email: string;
  name: string;
  title: string;
  position: Position;
  role: Role;
}

/** An implementation partner firm with its one user. `name` is its key. */
export interface DemoPartner {
  name: string;
  domain: string;
  regions: Region[];
  user: { name: string; email: string };
}

/** Owners of an account, as staff emails and a partner firm name. */
export interface DemoOwners {
  ae: string | null;
  deliveryLead: string | null;
  csm: string | null;
  accountManager: string | null;
  partner: string | null;
}

export interface DemoContact {
  name: string;
  email: string;
  title: string;
  role: ContactRole;
  lastTouchAt: string | null;
  leftAt: string | null;
}

export interface DemoAccount {
  name: string;
  domain: string;
  segment: Segment;
  industry: string;
  region: Region;
  country: string;
  lifecyclePhase: LifecyclePhase;
  /** YYYY-MM-DD; null for churned customers. */
  renewalDate: string | null;
  owners: DemoOwners;
  contacts: DemoContact[];
}

export interface DemoData {
  workspaceName: string;
  staff: DemoStaff[];
  partners: DemoPartner[];
  accounts: DemoAccount[];
  /** Deals and their handoff briefs (src/demo/deals.ts). */
  deals: DemoDeal[];
  /** The commitments ledger (src/demo/commitments.ts). */
  commitments: DemoCommitment[];
  /** Contract terms of the won deals (src/demo/contract-terms.ts). */
  contractTerms: DemoContractTerms[];
}
