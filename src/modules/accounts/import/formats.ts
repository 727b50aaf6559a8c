/** The CSV shapes Baton reads accounts and contacts from, and how to tell them apart by their header. */
import { detectBySignature, type FormatProfile, type FormatSignature } from '../../../platform/imports/profile.ts';
import type { AccountField, ContactField } from './fields.ts';
import {
  FIVETRAN_HUBSPOT_ACCOUNT,
  FIVETRAN_HUBSPOT_CONTACT,
  HUBSPOT_EXPORT_ACCOUNT,
  HUBSPOT_EXPORT_CONTACT,
} from './hubspot.profiles.ts';
import {
  FIVETRAN_SALESFORCE_ACCOUNT,
  FIVETRAN_SALESFORCE_CONTACT,
  SALESFORCE_ACCOUNT,
  SALESFORCE_CONTACT,
} from './salesforce.profiles.ts';

/** The same format names as the deal import: a user names one vocabulary. */
export const RECORD_FORMATS = [
  'hubspot-export',
  'salesforce',
  'fivetran-hubspot',
  'fivetran-salesforce',
  'mapped',
] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export type DetectedRecordFormat = Exclude<RecordFormat, 'mapped'>;

export const isRecordFormat = (v: string): v is RecordFormat => (RECORD_FORMATS as readonly string[]).includes(v);

const SF_ACCOUNT_COLUMNS = [
  'billingcity',
  'billingstate',
  'billingcountry',
  'billingpostalcode',
  'billingstreet',
  'website',
  'numberofemployees',
  'annualrevenue',
  'parentid',
  'accountsource',
  'industry',
];

const ACCOUNT_SIGNATURES: Record<DetectedRecordFormat, readonly FormatSignature[]> = {
  salesforce: [
    {
      all: ['id', 'name'],
      any: SF_ACCOUNT_COLUMNS,
      none: ['stagename', 'accountid', 'firstname', 'lastname', 'email', 'company', '_fivetran_synced', 'is_deleted'],
    },
  ],
  'fivetran-salesforce': [
    {
      all: ['id', 'name'],
      any: [
        'billing_city',
        'billing_state',
        'billing_country',
        'billing_postal_code',
        'billing_street',
        'number_of_employees',
        'annual_revenue',
        'parent_id',
        'account_source',
        '_fivetran_synced',
        'is_deleted',
      ],
      none: ['stage_name', 'account_id', 'first_name', 'last_name', 'email', 'company'],
    },
  ],
  'hubspot-export': [
    {
      all: ['record id'],
      any: ['company name', 'company domain name'],
      none: ['deal name', 'first name', 'last name', 'email'],
    },
  ],
  'fivetran-hubspot': [
    { all: ['id', 'property_name'], none: ['deal_id', 'property_dealname', 'property_email', 'property_firstname'] },
  ],
};

const CONTACT_SIGNATURES: Record<DetectedRecordFormat, readonly FormatSignature[]> = {
  salesforce: [{ all: ['id', 'accountid'], any: ['firstname', 'lastname', 'email'], none: ['stagename'] }],
  'fivetran-salesforce': [
    { all: ['id', 'account_id'], any: ['first_name', 'last_name', 'email'], none: ['stage_name'] },
  ],
  'hubspot-export': [{ all: ['record id'], any: ['first name', 'last name', 'email'], none: ['deal name'] }],
  'fivetran-hubspot': [
    { all: ['id'], any: ['property_email', 'property_firstname', 'property_lastname'], none: ['property_dealname'] },
  ],
};

/** The account format a header shows, or undefined when none (or several) fit. */
export const detectAccountFormat = (headers: readonly string[]): DetectedRecordFormat | undefined =>
  detectBySignature(headers, ACCOUNT_SIGNATURES);

/** The contact format a header shows, or undefined when none (or several) fit. */
export const detectContactFormat = (headers: readonly string[]): DetectedRecordFormat | undefined =>
  detectBySignature(headers, CONTACT_SIGNATURES);

export const ACCOUNT_PROFILES: Record<DetectedRecordFormat, FormatProfile<AccountField>> = {
  salesforce: SALESFORCE_ACCOUNT,
  'fivetran-salesforce': FIVETRAN_SALESFORCE_ACCOUNT,
  'hubspot-export': HUBSPOT_EXPORT_ACCOUNT,
  'fivetran-hubspot': FIVETRAN_HUBSPOT_ACCOUNT,
};

export const CONTACT_PROFILES: Record<DetectedRecordFormat, FormatProfile<ContactField>> = {
  salesforce: SALESFORCE_CONTACT,
  'fivetran-salesforce': FIVETRAN_SALESFORCE_CONTACT,
  'hubspot-export': HUBSPOT_EXPORT_CONTACT,
  'fivetran-hubspot': FIVETRAN_HUBSPOT_CONTACT,
};
