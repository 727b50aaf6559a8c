import { describe, expect, it } from 'vitest';
import type { DealRecord } from '../deal.ts';
import { readCsv } from '../../../platform/imports/csv/csv-reader.ts';
import { HUBSPOT_FIXTURE } from './fixtures/local-files.ts';
import { mapHubspotExportRow } from './hubspot-export.mapper.ts';
import { type ImportOptions, mapRows } from './index.ts';
import type { MappedRow } from './mapper-types.ts';

const aliases = { product: { 'Baton Platform': ['baton-platform', 'Platform'], 'Analytics Add-on': [] } };

async function mapFixture(options: ImportOptions = {}): Promise<(MappedRow & { row: number })[]> {
  const results: (MappedRow & { row: number })[] = [];
  for await (const result of mapRows(readCsv(HUBSPOT_FIXTURE), 'hubspot-export', options)) results.push(result);
  return results;
}

const deal = (fields: Partial<DealRecord>): DealRecord => ({
  source: 'hubspot',
  externalId: '',
  name: '',
  accountName: null,
  accountExternalId: null,
  stage: '',
  stageCategory: null,
  pipeline: 'Sales Pipeline',
  amount: null,
  currency: 'USD',
  closeDate: null,
  signedDate: null,
  createdDate: null,
  owner: null,
  products: [],
  partner: null,
  ...fields,
});

describe('HubSpot UI export (fixtures/hubspot-all-deals.csv)', () => {
  it('maps five deals and rejects three rows, each naming the field', async () => {
    const results = await mapFixture({ aliases });
    expect(results).toEqual([
      {
        row: 1,
        ok: true,
        record: deal({
          externalId: '9001',
          name: 'Acme Corp - Platform',
          stage: 'Closed won',
          accountName: 'Acme Corp',
          accountExternalId: '501',
          amount: 12000,
          closeDate: '2024-03-15',
          createdDate: '2024-01-10',
          owner: 'Dana Scott',
          products: ['Baton Platform'],
        }),
      },
      {
        row: 2,
        ok: true,
        record: deal({
          externalId: '9002',
          name: 'Globex expansion',
          stage: 'Contract sent',
          accountName: 'Globex',
          accountExternalId: '502',
          amount: 1200.5,
          closeDate: '2024-06-30',
          createdDate: '2024-02-01',
          owner: 'Dana Scott',
          products: ['Baton Platform'],
        }),
      },
      {
        row: 3,
        ok: false,
        errors: [
          {
            row: 3,
            field: 'close_date',
            reason: expect.stringMatching(/^column "Close Date": ambiguous date "03\/04\/2024"/),
          },
        ],
      },
      {
        row: 4,
        ok: true,
        record: deal({
          externalId: '9004',
          name: 'Walk-in lead',
          stage: 'Qualified to buy',
          amount: 800,
          closeDate: '2024-09-01',
          createdDate: '2024-04-02',
          owner: 'Lee Park',
          products: ['Baton Platform', 'Analytics Add-on'],
        }),
      },
      {
        row: 5,
        ok: true,
        record: deal({
          externalId: '9005',
          name: 'Umbrella renewal',
          stage: 'Closed lost',
          pipeline: 'Renewals',
          accountName: 'Umbrella',
          accountExternalId: '504',
          amount: 9500,
          currency: 'EUR',
          closeDate: '2024-05-20',
          createdDate: '2024-03-03',
          owner: 'Dana Scott',
          products: ['Baton Platform'],
        }),
      },
      {
        row: 6,
        ok: true,
        record: deal({
          externalId: '9006',
          name: 'Hooli data migration',
          stage: 'Presentation scheduled',
          accountName: 'Hooli',
          accountExternalId: '505',
          amount: 15000,
          closeDate: '2024-07-07',
          createdDate: '2024-05-05',
        }),
      },
      {
        row: 7,
        ok: false,
        errors: [{ row: 7, field: 'external_id', reason: 'required, but column "Record ID" is empty' }],
      },
      {
        row: 8,
        ok: false,
        errors: [
          {
            row: 8,
            field: 'account_external_id',
            reason: expect.stringContaining('lists several accounts (501; 502)'),
          },
        ],
      },
    ]);
  });

  it('reads the ambiguous date once the order is declared', async () => {
    const results = await mapFixture({ dateOrder: 'dmy' });
    const row3 = results.find((r) => r.row === 3);
    expect(row3?.ok && row3.record.closeDate).toBe('2024-04-03');
  });

  it('keeps product spellings apart without aliases', async () => {
    const results = await mapFixture();
    const products = results.flatMap((r) => (r.ok ? r.record.products : []));
    expect(new Set(products)).toEqual(new Set(['Baton Platform', 'baton-platform', 'analytics add-on', 'Platform']));
  });
});

describe('mapHubspotExportRow', () => {
  const row = { 'Record ID': '1', 'Deal Name': 'D', 'Deal Stage': 'appointmentscheduled' };

  it.each<[Record<string, string>, Partial<DealRecord>]>([
    [{ Amount: '£300' }, { amount: 300, currency: 'GBP' }],
    [
      { Amount: '300', Currency: 'eur' },
      { amount: 300, currency: 'EUR' },
    ],
    [
      { 'Company name': 'Initech', 'Associated Company ID': '77' },
      { accountName: 'Initech', accountExternalId: '77' },
    ],
    [{ 'Associated Company IDs': '77;77' }, { accountExternalId: '77' }],
  ])('reads %j', (extra, expected) => {
    const result = mapHubspotExportRow({ ...row, ...extra }, 1);
    expect(result.ok && result.record).toMatchObject(expected);
  });

  it('uses the default currency only when the file gives none', () => {
    const result = mapHubspotExportRow({ ...row, Amount: '10' }, 1, { defaultCurrency: 'chf' });
    expect(result.ok && result.record.currency).toBe('CHF');
  });

  it('rejects a currency column that contradicts the amount', () => {
    expect(mapHubspotExportRow({ ...row, Amount: '€10', Currency: 'USD' }, 2)).toEqual({
      ok: false,
      errors: [{ row: 2, field: 'currency', reason: 'USD disagrees with the amount, written in EUR' }],
    });
  });

  it('applies stage aliases', () => {
    const result = mapHubspotExportRow(row, 1, {
      aliases: { stage: { 'Appointment scheduled': ['appointmentscheduled'] } },
    });
    expect(result.ok && result.record.stage).toBe('Appointment scheduled');
  });
});
