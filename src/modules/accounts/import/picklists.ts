/** The closed lists of account and contact values, with the labels Baton itself shows accepted as spellings. */
import { Picklist } from '../../../platform/imports/values/picklist.ts';
import {
  CONTACT_ROLES,
  type ContactRole,
  LIFECYCLE_PHASES,
  type LifecyclePhase,
  REGIONS,
  type Region,
  SEGMENTS,
  type Segment,
} from '../account.ts';

export const SEGMENT_LIST = new Picklist<Segment>('segment', SEGMENTS, {
  'small business': 'smb',
  'small and medium business': 'smb',
});

export const LIFECYCLE_LIST = new Picklist<LifecyclePhase>('lifecycle phase', LIFECYCLE_PHASES);

export const REGION_LIST = new Picklist<Region>('region', REGIONS, {
  'latin america': 'latam',
  'asia pacific': 'apac',
  'asia-pacific': 'apac',
});

export const ROLE_LIST = new Picklist<ContactRole>('contact role', CONTACT_ROLES, {
  'exec sponsor': 'executive_sponsor',
  administrator: 'admin',
});

/** Fields whose values may be given other spellings (`--alias segment:"Mid-Market"=mid_market`). */
export const ACCOUNT_ALIAS_FIELDS = ['segment', 'lifecycle_phase', 'region', 'country'] as const;
export const CONTACT_ALIAS_FIELDS = ['role'] as const;

/** Fields that may take a default for rows that name none (`--default segment=smb`). */
export const ACCOUNT_DEFAULT_FIELDS = ['segment', 'lifecycle_phase'] as const;
export const CONTACT_DEFAULT_FIELDS = ['role'] as const;
