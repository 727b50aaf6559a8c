/**
 * Salesforce Account and Contact exports with API field names (Data Loader, Workbench, `sf data export`, and the
 * same files after a round trip through Excel), and the same objects as Fivetran lands them (snake_case).
 * Custom fields (`Segment__c` …) are not guessed: name them with a column override.
 */
import type { DeletionFlag, FormatProfile } from '../../../platform/imports/profile.ts';
import type { AccountField, ContactField } from './fields.ts';

/** Fivetran's markers of rows gone from the source or replaced by a newer version (history mode). */
export const FIVETRAN_DELETION: readonly DeletionFlag[] = [
  { column: '_fivetran_deleted', deletedWhen: true, reason: 'deleted in the source (_fivetran_deleted is true)' },
  {
    column: '_fivetran_active',
    deletedWhen: false,
    reason: 'a superseded version of the record (_fivetran_active is false)',
  },
];

const SALESFORCE_DELETION: readonly DeletionFlag[] = [
  { column: 'IsDeleted', deletedWhen: true, reason: 'deleted in Salesforce (IsDeleted is true)' },
];

export const SALESFORCE_ACCOUNT: FormatProfile<AccountField> = {
  source: 'salesforce',
  columns: {
    external_id: ['Id'],
    name: ['Name'],
    domain: ['Website'],
    industry: ['Industry'],
    country: ['BillingCountryCode', 'BillingCountry', 'ShippingCountryCode', 'ShippingCountry'],
    owner: ['Owner.Email', 'Owner.Name'],
  },
  deletion: SALESFORCE_DELETION,
};

export const SALESFORCE_CONTACT: FormatProfile<ContactField> = {
  source: 'salesforce',
  columns: {
    external_id: ['Id'],
    account_external_id: ['AccountId'],
    account: ['Account.Name'],
    name: ['Name'],
    first_name: ['FirstName'],
    last_name: ['LastName'],
    email: ['Email'],
    title: ['Title'],
    last_touch_at: ['LastActivityDate'],
  },
  deletion: SALESFORCE_DELETION,
};

export const FIVETRAN_SALESFORCE_ACCOUNT: FormatProfile<AccountField> = {
  source: 'salesforce',
  columns: {
    external_id: ['id'],
    name: ['name'],
    domain: ['website'],
    industry: ['industry'],
    country: ['billing_country_code', 'billing_country', 'shipping_country_code', 'shipping_country'],
  },
  deletion: [
    { column: 'is_deleted', deletedWhen: true, reason: 'deleted in Salesforce (is_deleted is true)' },
    ...FIVETRAN_DELETION,
  ],
};

export const FIVETRAN_SALESFORCE_CONTACT: FormatProfile<ContactField> = {
  source: 'salesforce',
  columns: {
    external_id: ['id'],
    account_external_id: ['account_id'],
    name: ['name'],
    first_name: ['first_name'],
    last_name: ['last_name'],
    email: ['email'],
    title: ['title'],
    last_touch_at: ['last_activity_date'],
  },
  deletion: [
    { column: 'is_deleted', deletedWhen: true, reason: 'deleted in Salesforce (is_deleted is true)' },
    ...FIVETRAN_DELETION,
  ],
};
