/** Customer accounts and their stakeholders: the organization every other module hangs its records on. */

export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const LIFECYCLE_PHASES = ['onboarding', 'implementing', 'live', 'renewing', 'churned'] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];

export const REGIONS = ['north_america', 'emea', 'apac', 'latam'] as const;
export type Region = (typeof REGIONS)[number];

export const CONTACT_ROLES = [
  'executive_sponsor',
  'champion',
  'key_user',
  'admin',
  'finance',
  'procurement',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_ROLE_LABELS: Readonly<Record<ContactRole, string>> = {
  executive_sponsor: 'Executive sponsor',
  champion: 'Champion',
  key_user: 'Key user',
  admin: 'Admin',
  finance: 'Finance',
  procurement: 'Procurement',
  other: 'Other',
};

/** The people who own an account on the vendor's side, by role along the journey. */
export interface AccountOwners {
  aeUserId: string | null;
  deliveryLeadUserId: string | null;
  csmUserId: string | null;
  accountManagerUserId: string | null;
  partnerId: string | null;
}

export interface Account extends AccountOwners {
  id: string;
  name: string;
  domain: string | null;
  /** null until someone gives the account one (imported from a file without segments). */
  segment: Segment | null;
  industry: string | null;
  region: Region | null;
  country: string | null;
  lifecyclePhase: LifecyclePhase;
  /** When the contract renews (YYYY-MM-DD). */
  renewalDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  id: string;
  accountId: string;
  name: string;
  email: string | null;
  title: string | null;
  role: ContactRole;
  lastTouchAt: string | null;
  leftAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A stable version tag of an account, for `ETag` / `If-Match`: it changes whenever the record does. */
export const accountVersion = (a: Pick<Account, 'id' | 'updatedAt'>): string => `"${a.id}:${a.updatedAt}"`;
