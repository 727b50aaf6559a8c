import { describe, expect, it } from 'vitest';
import { accountMapper } from './account.mapper.ts';
import { contactMapper } from './contact.mapper.ts';
import { detectAccountFormat, detectContactFormat } from './formats.ts';
import { fileHeaderProblems, optionProblems, overridesOf, profileOf } from './options.ts';

// Header names as the sources write them: Salesforce API names (Data Loader), Fivetran's dbt seed tables,
// and HubSpot's UI export labels.
const SF_ACCOUNT = [
  'Id',
  'IsDeleted',
  'MasterRecordId',
  'Name',
  'Type',
  'ParentId',
  'BillingStreet',
  'BillingCity',
  'BillingCountry',
  'Website',
  'Industry',
  'OwnerId',
];
const SF_CONTACT = [
  'Id',
  'IsDeleted',
  'AccountId',
  'LastName',
  'FirstName',
  'Salutation',
  'Name',
  'Email',
  'Title',
  'LastActivityDate',
];
const SF_OPPORTUNITY = ['Id', 'IsDeleted', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate'];
const FT_SF_ACCOUNT = [
  '_fivetran_synced',
  'account_number',
  'billing_city',
  'billing_country',
  'id',
  'industry',
  'is_deleted',
  'name',
  'website',
  '_fivetran_active',
];
const FT_SF_CONTACT = [
  '_fivetran_active',
  '_fivetran_start',
  'id',
  'account_id',
  'email',
  'first_name',
  'is_deleted',
  'last_activity_date',
  'last_name',
  'name',
  'title',
];
const FT_HS_COMPANY = [
  'id',
  'is_deleted',
  '_fivetran_synced',
  'property_name',
  'property_industry',
  'property_country',
];
const FT_HS_CONTACT = [
  '_fivetran_deleted',
  '_fivetran_synced',
  'property_email',
  'id',
  'property_company',
  'property_firstname',
  'property_lastname',
  'property_jobtitle',
];
const HS_COMPANIES = [
  'Record ID',
  'Company name',
  'Company owner',
  'Create Date',
  'Phone Number',
  'City',
  'Country/Region',
  'Industry',
  'Company Domain Name',
];
const HS_CONTACTS = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Contact owner',
  'Associated Company (Primary)',
  'Associated Company IDs (Primary)',
];

describe('telling account and contact formats apart', () => {
  it.each([
    ['Salesforce Account', SF_ACCOUNT, 'salesforce', undefined],
    ['Salesforce Contact', SF_CONTACT, undefined, 'salesforce'],
    ['Salesforce Opportunity', SF_OPPORTUNITY, undefined, undefined],
    ['Fivetran Salesforce account', FT_SF_ACCOUNT, 'fivetran-salesforce', undefined],
    ['Fivetran Salesforce contact', FT_SF_CONTACT, undefined, 'fivetran-salesforce'],
    ['Fivetran HubSpot company', FT_HS_COMPANY, 'fivetran-hubspot', undefined],
    ['Fivetran HubSpot contact', FT_HS_CONTACT, undefined, 'fivetran-hubspot'],
    ['HubSpot companies export', HS_COMPANIES, 'hubspot-export', undefined],
    ['HubSpot contacts export', HS_CONTACTS, undefined, 'hubspot-export'],
    ['a CSV of its own', ['Customer', 'Web'], undefined, undefined],
  ])('%s', (_what, headers, account, contact) => {
    expect(detectAccountFormat(headers)).toBe(account);
    expect(detectContactFormat(headers)).toBe(contact);
  });
});

const accountRow = (format: 'salesforce' | 'hubspot-export' | 'mapped', values: Record<string, string>, options = {}) =>
  accountMapper(profileOf('accounts', format, options), overridesOf(format, options), options)(values, 1);
const contactRow = (
  format: 'salesforce' | 'fivetran-hubspot' | 'hubspot-export',
  values: Record<string, string>,
  options = {},
) => contactMapper(profileOf('contacts', format, options), overridesOf(format, options), options)(values, 1);

describe('reading account rows', () => {
  it('normalises a Salesforce account: website to domain, country name to code, an Excel FALSE flag', () => {
    expect(
      accountRow('salesforce', {
        Id: '001A',
        IsDeleted: 'FALSE',
        Name: '  Edge   Communications ',
        Website: 'https://www.Edge.example/about',
        BillingCountry: 'United States',
        Industry: 'Electronics',
      }),
    ).toEqual({
      ok: true,
      record: {
        source: 'salesforce',
        externalId: '001A',
        name: 'Edge Communications',
        domain: 'edge.example',
        industry: 'Electronics',
        country: 'US',
      },
    });
  });

  it('skips a deleted row, saying why', () => {
    expect(accountRow('salesforce', { Id: '001A', IsDeleted: '1', Name: 'Gone' })).toEqual({
      ok: false,
      skipped: true,
      reason: 'deleted in Salesforce (IsDeleted is true)',
    });
  });

  it('reports every bad field of a row, each with its column', () => {
    const result = accountRow(
      'mapped',
      { N: '', Web: 'not a site', Tier: 'Gold', Geo: 'Narnia', Renews: '31/31/2027' },
      { mapping: { N: 'name', Web: 'domain', Tier: 'segment', Geo: 'country', Renews: 'renewal_date' } },
    );
    expect(result.ok).toBe(false);
    expect('errors' in result && result.errors.map((e) => e.field)).toEqual([
      'name',
      'domain',
      'segment',
      'country',
      'renewal_date',
    ]);
  });

  it('reads segments, phases and regions in any spelling of case and punctuation, and through aliases', () => {
    const mapping = { N: 'name', S: 'segment', P: 'lifecycle_phase', R: 'region' };
    expect(accountRow('mapped', { N: 'A', S: 'Mid-Market', P: 'LIVE', R: 'North America' }, { mapping })).toMatchObject(
      { record: { segment: 'mid_market', lifecyclePhase: 'live', region: 'north_america' } },
    );
    expect(
      accountRow(
        'mapped',
        { N: 'A', S: 'Strategic', P: '', R: 'EMEA' },
        { mapping, aliases: { segment: { strategic: 'enterprise' } } },
      ),
    ).toMatchObject({
      record: { segment: 'enterprise', lifecyclePhase: null, region: 'emea' },
    });
  });
});

describe('reading contact rows', () => {
  it('joins first and last name when the file has no full name, and reads the Fivetran HubSpot columns', () => {
    expect(
      contactRow('fivetran-hubspot', {
        id: '78971951',
        property_firstname: 'Ana',
        property_lastname: 'Silva',
        property_email: 'Ana@Acme.example',
        property_company: 'Acme',
        _fivetran_deleted: 'FALSE',
      }),
    ).toEqual({
      ok: true,
      record: {
        source: 'hubspot',
        externalId: '78971951',
        accountExternalId: null,
        accountName: 'Acme',
        name: 'Ana Silva',
        email: 'ana@acme.example',
      },
    });
  });

  it('refuses a contact listing several companies, and one naming none', () => {
    const several = contactRow('hubspot-export', {
      'Record ID': '1',
      'First Name': 'Bo',
      'Associated Company IDs (Primary)': '11;12',
    });
    expect('errors' in several && several.errors.map((e) => e.field)).toEqual(['account_external_id']);
    const none = contactRow('salesforce', { Id: '003', AccountId: '', LastName: 'Chen' });
    expect('errors' in none && none.errors).toEqual([
      { row: 1, field: 'account', reason: 'required: the row names no account ("AccountId" empty)' },
    ]);
  });

  it('reads roles through their labels and the user’s aliases; an unknown role is an error naming it', () => {
    const row = (role: string, aliases = {}) =>
      contactRow(
        'hubspot-export',
        { 'Record ID': '1', 'First Name': 'Cy', 'Associated Company (Primary)': 'Acme', 'Buying Role': role },
        { aliases },
      );
    expect(row('Executive Sponsor')).toMatchObject({ record: { role: 'executive_sponsor' } });
    expect(row('Decision Maker', { role: { 'decision maker': 'executive_sponsor' } })).toMatchObject({
      record: { role: 'executive_sponsor' },
    });
    const unknown = row('Influencer');
    expect('errors' in unknown && unknown.errors[0]?.reason).toMatch(/"Influencer" is not a contact role/);
  });
});

describe('checking options and headers before any row', () => {
  it('names the option at fault', () => {
    expect(
      optionProblems('accounts', 'mapped', { mapping: { A: 'nmae' }, defaults: { role: 'x' } }).map((p) => p.option),
    ).toEqual(['mapping', 'defaults']);
    expect(optionProblems('contacts', 'salesforce', { columns: { nickname: 'Alias' } })).toEqual([
      { option: 'columns', message: expect.stringContaining('"nickname" is not a field') },
    ]);
    expect(optionProblems('accounts', 'excel', {})[0]?.option).toBe('format');
  });

  it('asks for an account and a name when the header offers none, and for no segment: new accounts may have none', () => {
    expect(fileHeaderProblems('accounts', 'salesforce', SF_ACCOUNT, {})).toEqual([]);
    expect(fileHeaderProblems('accounts', 'salesforce', SF_ACCOUNT, { defaults: { segment: 'smb' } })).toEqual([]);
    expect(fileHeaderProblems('contacts', 'mapped', ['Who'], { mapping: { Who: 'name' } })).toEqual([
      expect.stringContaining('no column for account or account_external_id'),
    ]);
  });
});
