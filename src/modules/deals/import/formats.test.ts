import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEVORG_OPPORTUNITIES,
  FIVETRAN_HUBSPOT_DEALS,
  FIVETRAN_SF_OPPORTUNITIES,
  hasSharedData,
  sharedDataNote,
  WORKSHOP_OPPORTUNITIES,
} from './fixtures/shared-data.ts';
import { HUBSPOT_FIXTURE } from './fixtures/local-files.ts';
import { DEAL_FIELD_NAMES, DEAL_FIELDS, type DetectedFormat, detectFormat } from './formats.ts';

const headerOf = (file: string): string[] =>
  (
    readFileSync(file, 'utf8')
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)[0] ?? ''
  ).split(',');

describe('detectFormat', () => {
  it.each<[string, string[], DetectedFormat | undefined]>([
    [
      'HubSpot UI export',
      ['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Amount', 'Pipeline'],
      'hubspot-export',
    ],
    [
      'older HubSpot export',
      ['Deal ID', 'Deal Name', 'Associated Company', 'Company name', 'Currency'],
      'hubspot-export',
    ],
    [
      'Salesforce API names',
      ['Id', 'Name', 'StageName', 'Amount', 'CloseDate', 'IsWon', 'IsClosed', 'AccountId'],
      'salesforce',
    ],
    [
      'Fivetran HubSpot',
      ['deal_id', 'property_dealname', 'deal_pipeline_stage_id', 'property_amount'],
      'fivetran-hubspot',
    ],
    [
      'Fivetran Salesforce',
      ['id', 'name', 'stage_name', 'is_won', 'is_closed', 'close_date', 'account_id'],
      'fivetran-salesforce',
    ],
    ['spaces and case', ['  ID ', 'NAME', ' stagename'], 'salesforce'],
    ['a spreadsheet of its own', ['Opportunity', 'Customer', 'Value'], undefined],
    ['two formats at once', ['Id', 'Name', 'StageName', 'stage_name'], undefined],
    ['nothing', [], undefined],
  ])('%s', (_, headers, expected) => {
    expect(detectFormat(headers)).toBe(expected);
  });

  it('recognises the HubSpot fixture', () => {
    expect(detectFormat(headerOf(HUBSPOT_FIXTURE))).toBe('hubspot-export');
  });

  describe.skipIf(!hasSharedData)(`on the public sample files${sharedDataNote}`, () => {
    it.each<[string, DetectedFormat]>([
      [WORKSHOP_OPPORTUNITIES, 'salesforce'],
      [DEVORG_OPPORTUNITIES, 'salesforce'],
      [FIVETRAN_SF_OPPORTUNITIES, 'fivetran-salesforce'],
      [FIVETRAN_HUBSPOT_DEALS, 'fivetran-hubspot'],
    ])('%s is %s', (file, format) => {
      expect(detectFormat(headerOf(file))).toBe(format);
    });
  });
});

describe('DEAL_FIELDS', () => {
  it('documents every field once, with a one-line description', () => {
    expect(DEAL_FIELDS.map((f) => f.name)).toEqual([...DEAL_FIELD_NAMES]);
    for (const field of DEAL_FIELDS) expect(field.description).toMatch(/^[^\n]{10,120}$/);
    expect(DEAL_FIELDS.filter((f) => f.required).map((f) => f.name)).toEqual(['external_id', 'name', 'stage']);
  });
});
