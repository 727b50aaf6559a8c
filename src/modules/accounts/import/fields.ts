/** The account and contact fields an import can fill: the targets of a column mapping, documented once. */
import type { FieldDoc, FieldSet } from '../../../platform/imports/profile.ts';

export const ACCOUNT_FIELD_NAMES = [
  'external_id',
  'name',
  'domain',
  'segment',
  'industry',
  'region',
  'country',
  'lifecycle_phase',
  'renewal_date',
  'owner',
  'csm',
] as const;
export type AccountField = (typeof ACCOUNT_FIELD_NAMES)[number];

/** Baton's documented account fields, in the order `--help` and the web page list them. */
export const ACCOUNT_FIELDS: readonly FieldDoc[] = [
  {
    name: 'external_id',
    required: false,
    description:
      "the CRM's own id for the account; re-importing updates the same account (else matched by domain, then by exact name)",
  },
  { name: 'name', required: true, description: 'the company name' },
  { name: 'domain', required: false, description: 'web domain or website address (https://www.acme.com/ → acme.com)' },
  {
    name: 'segment',
    required: false,
    description:
      'enterprise, mid_market or smb (other spellings through aliases); a new account without one (and no default) stays unsegmented',
  },
  { name: 'industry', required: false, description: 'the industry as the CRM names it' },
  {
    name: 'region',
    required: false,
    description: 'north_america, emea, apac or latam (other spellings through aliases)',
  },
  { name: 'country', required: false, description: 'ISO 3166 code or English name (US, United States, Germany …)' },
  {
    name: 'lifecycle_phase',
    required: false,
    description:
      'onboarding, implementing, live, renewing or churned; new accounts start in onboarding unless a default says otherwise',
  },
  { name: 'renewal_date', required: false, description: 'when the contract renews' },
  {
    name: 'owner',
    required: false,
    description: "the account executive: a member's email or name (owners are set, never cleared)",
  },
  { name: 'csm', required: false, description: "the customer success manager: a member's email or name" },
];

export const ACCOUNT_FIELD_SET: FieldSet<AccountField> = { names: ACCOUNT_FIELD_NAMES, required: [['name']] };

export const CONTACT_FIELD_NAMES = [
  'external_id',
  'account',
  'account_external_id',
  'name',
  'first_name',
  'last_name',
  'email',
  'title',
  'role',
  'last_touch_at',
  'left_at',
] as const;
export type ContactField = (typeof CONTACT_FIELD_NAMES)[number];

export const CONTACT_FIELDS: readonly FieldDoc[] = [
  {
    name: 'external_id',
    required: false,
    description:
      "the CRM's own id for the person; re-importing updates the same contact (else matched by email, then by name, within the account)",
  },
  {
    name: 'account',
    required: true,
    description: "the account's name as Baton knows it (this, or account_external_id, is required)",
  },
  {
    name: 'account_external_id',
    required: true,
    description: "the account's id in the CRM, as its account import gave it (this, or account, is required)",
  },
  { name: 'name', required: true, description: 'full name (or first_name and last_name)' },
  {
    name: 'first_name',
    required: false,
    description: 'given name, joined with last_name when the file has no full name',
  },
  { name: 'last_name', required: false, description: 'family name' },
  { name: 'email', required: false, description: 'email address' },
  { name: 'title', required: false, description: 'job title' },
  {
    name: 'role',
    required: false,
    description:
      'executive_sponsor, champion, key_user, admin, finance, procurement or other (other spellings through aliases); blank is other for new contacts',
  },
  { name: 'last_touch_at', required: false, description: 'the last time someone was in touch (date or timestamp)' },
  { name: 'left_at', required: false, description: 'when the person left the customer (knowledge loss)' },
];

export const CONTACT_FIELD_SET: FieldSet<ContactField> = {
  names: CONTACT_FIELD_NAMES,
  required: [
    ['account', 'account_external_id'],
    ['name', 'first_name', 'last_name'],
  ],
};
