import { CONTACT_ROLE_LABELS } from '../../../src/modules/accounts/account.ts';
export const SEGMENTS: Record<string, string> = { enterprise: 'Enterprise', mid_market: 'Mid-market', smb: 'SMB' };
export const PHASES: Record<string, string> = {
  onboarding: 'Onboarding',
  implementing: 'Implementing',
  live: 'Live',
  renewing: 'Renewing',
  churned: 'Churned',
};
export const PHASE_COLORS: Record<string, string> = {
  onboarding: 'blue',
  implementing: 'violet',
  live: 'teal',
  renewing: 'orange',
  churned: 'gray',
};
export const REGIONS: Record<string, string> = {
  north_america: 'North America',
  emea: 'EMEA',
  apac: 'APAC',
  latam: 'Latin America',
};
export const CONTACT_ROLES: Record<string, string> = CONTACT_ROLE_LABELS;
export const ROLES: Record<string, string> = {
  admin: 'Admin',
  leader: 'Leader',
  csm: 'Customer success',
  delivery: 'Delivery',
  sales: 'Sales',
  support: 'Support',
  partner: 'Partner',
  viewer: 'Viewer',
};
export const JOURNEY_STATES: Record<string, string> = {
  pending_confirmation: 'Pending confirmation',
  confirmed: 'Confirmed',
  reopened: 'Reopened in CRM',
  open: 'Open',
  lost: 'Lost',
};
export const MISSING: Record<string, string> = {
  won: 'not won',
  signed: 'not signed',
  finance_confirmed: 'finance to confirm',
};

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
