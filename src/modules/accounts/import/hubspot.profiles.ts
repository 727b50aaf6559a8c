/**
 * HubSpot companies and contacts: the UI export (property labels as headers, "hubspot-crm-exports-all-companies-….csv")
 * and the tables Fivetran lands (`company`, `contact`, with `property_*` columns).
 */
import type { FormatProfile } from '../../../platform/imports/profile.ts';
import type { AccountField, ContactField } from './fields.ts';
import { FIVETRAN_DELETION } from './salesforce.profiles.ts';

export const HUBSPOT_EXPORT_ACCOUNT: FormatProfile<AccountField> = {
  source: 'hubspot',
  columns: {
    external_id: ['Record ID', 'Company ID'],
    name: ['Company name', 'Name'],
    domain: ['Company Domain Name', 'Website URL', 'Domain', 'Website'],
    industry: ['Industry'],
    country: ['Country/Region', 'Country'],
    owner: ['Company owner'],
  },
};

export const HUBSPOT_EXPORT_CONTACT: FormatProfile<ContactField> = {
  source: 'hubspot',
  columns: {
    external_id: ['Record ID', 'Contact ID'],
    account: ['Associated Company (Primary)', 'Associated Company', 'Company Name'],
    account_external_id: ['Associated Company IDs (Primary)', 'Associated Company ID', 'Associated Company IDs'],
    first_name: ['First Name'],
    last_name: ['Last Name'],
    email: ['Email'],
    title: ['Job Title'],
    role: ['Buying Role'],
    last_touch_at: ['Last Activity Date'],
  },
};

const HUBSPOT_DELETION = [
  { column: 'is_deleted', deletedWhen: true, reason: 'deleted in HubSpot (is_deleted is true)' },
  ...FIVETRAN_DELETION,
];

export const FIVETRAN_HUBSPOT_ACCOUNT: FormatProfile<AccountField> = {
  source: 'hubspot',
  columns: {
    external_id: ['id', 'company_id'],
    name: ['property_name'],
    domain: ['property_domain', 'property_website'],
    industry: ['property_industry'],
    country: ['property_country'],
  },
  deletion: HUBSPOT_DELETION,
};

export const FIVETRAN_HUBSPOT_CONTACT: FormatProfile<ContactField> = {
  source: 'hubspot',
  columns: {
    external_id: ['id', 'contact_id'],
    account: ['property_company'],
    account_external_id: ['property_associatedcompanyid'],
    first_name: ['property_firstname'],
    last_name: ['property_lastname'],
    email: ['property_email'],
    title: ['property_jobtitle'],
    role: ['property_hs_buying_role'],
    last_touch_at: ['property_notes_last_updated'],
  },
  deletion: HUBSPOT_DELETION,
};
