import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { readCsv } from '../../../platform/imports/csv/csv-reader.ts';
import { type ImportFormat, type ImportOptions, mapperFor, mapRows } from './index.ts';
import { mapMappedRow, mappingProblems } from './mapped.mapper.ts';
import type { MappedRow } from './mapper-types.ts';

const mapping = {
  'Opportunity #': 'external_id',
  Title: 'name',
  Phase: 'stage',
  Customer: 'account',
  'Value (EUR)': 'amount',
  Signed: 'signed_date',
  'SKU 1': 'product',
  'SKU 2': 'product',
  Won: 'is_won',
  Closed: 'is_closed',
  Reseller: 'partner',
};

async function mapText(text: string, format: ImportFormat, options: ImportOptions): Promise<MappedRow[]> {
  const results: MappedRow[] = [];
  for await (const result of mapRows(readCsv(Readable.from([text])), format, options)) results.push(result);
  return results;
}

const failure = async (run: () => Promise<unknown>): Promise<AppError> => {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describe('mappingProblems', () => {
  it('accepts a mapping onto documented fields, with several product columns', () => {
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('names unknown targets, unmapped required fields and a field fed twice', () => {
    expect(
      mappingProblems({ Ref: 'external_id', Nom: 'name', Stufe: 'stage', Etappe: 'stage', Kunde: 'customer' }),
    ).toEqual([
      expect.stringMatching(/^column "Kunde" maps to "customer", which is not a deal field \(external_id, name, stage/),
      'stage is mapped from several columns ("Stufe", "Etappe"); keep one',
    ]);
    expect(mappingProblems({ Title: 'name' })).toEqual([
      'no column is mapped to external_id, which is required',
      'no column is mapped to stage, which is required',
    ]);
  });
});

describe('mapMappedRow', () => {
  it('maps any CSV onto the deal fields, with source csv', () => {
    const values = {
      'Opportunity #': 'OPP-7',
      Title: ' Rollout ',
      Phase: 'Signed',
      Customer: 'Initech',
      'Value (EUR)': '1.200,50',
      Signed: '05.03.2024',
      'SKU 1': 'Core',
      'SKU 2': 'Core; Sync',
      Won: 'yes',
      Closed: 'yes',
      Reseller: '',
    };
    const result = mapMappedRow(values, 3, { mapping, decimal: ',', dateOrder: 'dmy', defaultCurrency: 'EUR' });
    expect(result).toEqual({
      ok: true,
      record: {
        source: 'csv',
        externalId: 'OPP-7',
        name: 'Rollout',
        accountName: 'Initech',
        accountExternalId: null,
        stage: 'Signed',
        stageCategory: 'won',
        pipeline: null,
        amount: 1200.5,
        currency: 'EUR',
        closeDate: null,
        signedDate: '2024-03-05',
        createdDate: null,
        owner: null,
        products: ['Core', 'Sync'],
        partner: null,
      },
    });
  });
});

describe('mapperFor', () => {
  it('throws before any row is read when a mapping targets unknown fields', () => {
    expect(() =>
      mapperFor('mapped', { mapping: { A: 'external_id', B: 'name', C: 'stage', D: 'deal_value' } }),
    ).toThrow(/import options: column "D" maps to "deal_value", which is not a deal field/);
  });

  it.each<[ImportFormat, ImportOptions, RegExp]>([
    ['mapped', {}, /no column is mapped to external_id/],
    ['salesforce', { mapping }, /a column mapping is for the "mapped" format/],
    ['salesforce', { columns: { products: 'X' } as never }, /columns: "products" is not a deal field/],
    ['salesforce', { defaultCurrency: 'dollars' }, /default currency: "dollars" is not an ISO 4217/],
    ['salesforce', { dateOrder: 'ymd' as never }, /date order "ymd" is not one of mdy, dmy/],
    ['hubspot-export', { aliases: { product: { A: ['x'], B: ['x'] } } }, /"x" is given for both "A" and "B"/],
    ['excel' as never, {}, /unknown format "excel"/],
  ])('rejects options for %s: %j', (format, options, message) => {
    let error: unknown;
    try {
      mapperFor(format, options);
    } catch (e) {
      error = e;
    }
    expect(error instanceof AppError && error.code).toBe('validation');
    expect(String(error)).toMatch(message);
  });
});

describe('mapRows', () => {
  it('maps a mapped CSV row by row and reports unreadable lines on the field csv', async () => {
    const csv = 'Opportunity #,Title,Phase,Won\nA-1,First,Open,no\nA-2,"Second\nA-3,Third,Open\n';
    const results = await mapText(csv, 'mapped', {
      mapping: { 'Opportunity #': 'external_id', Title: 'name', Phase: 'stage', Won: 'is_won' },
    });
    expect(results).toEqual([
      { row: 1, ok: true, record: expect.objectContaining({ externalId: 'A-1', stageCategory: null }) },
      { row: 2, ok: false, errors: [{ row: 2, field: 'csv', reason: expect.stringContaining('never closed') }] },
    ]);
  });

  it('refuses a file whose header lacks a required or a named column, before mapping rows', async () => {
    const error = await failure(() => mapText('Id,Name\n1,x\n', 'salesforce', { columns: { product: 'Product__c' } }));
    expect(error.code).toBe('validation');
    expect(error.fieldErrors.map((e) => e.message)).toEqual([
      'the file has no column for stage (expected "StageName")',
      'the file has no column "Product__c" (given for product)',
    ]);
  });

  it('refuses an empty file', async () => {
    const error = await failure(() => mapText('', 'hubspot-export', {}));
    expect(error.message).toContain('no header line could be read');
  });

  it('checks the header from the first row when the rows come without headers()', async () => {
    async function* rows() {
      yield { row: 1, values: { deal_id: '1', property_dealname: 'x' } };
    }
    const error = await failure(async () => {
      for await (const _ of mapRows(rows(), 'fivetran-hubspot')) void _;
    });
    expect(error.message).toContain('no column for stage (expected "deal_pipeline_stage_id" or "property_dealstage")');
  });
});
